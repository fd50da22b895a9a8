import { attacherOf, mayAttach, PUBLIC_ATTACHER } from '../attachment-ownership';

describe('mayAttach', () => {
  const publicUpload = { reportId: null, uploaderRole: 'PUBLIC', uploaderId: null };
  const adminUpload = { reportId: null, uploaderRole: 'ADMIN', uploaderId: 'admin-1' };

  it('lets a signed-out submission attach public uploads only', () => {
    expect(mayAttach(publicUpload, PUBLIC_ATTACHER)).toBe(true);
    expect(mayAttach(adminUpload, PUBLIC_ATTACHER)).toBe(false);
  });

  it('lets a staff account attach its own uploads only', () => {
    expect(mayAttach(adminUpload, { kind: 'STAFF', id: 'admin-1' })).toBe(true);
    expect(mayAttach(adminUpload, { kind: 'STAFF', id: 'liaison-7' })).toBe(false);
    expect(mayAttach(publicUpload, { kind: 'STAFF', id: 'admin-1' })).toBe(false);
  });

  it('refuses an upload that is already attached, even to its uploader', () => {
    expect(mayAttach({ ...publicUpload, reportId: 'r1' }, PUBLIC_ATTACHER)).toBe(false);
    expect(mayAttach({ ...adminUpload, reportId: 'r1' }, { kind: 'STAFF', id: 'admin-1' })).toBe(false);
  });

  it('takes the attacher from the request viewer', () => {
    expect(attacherOf(null)).toEqual(PUBLIC_ATTACHER);
    expect(attacherOf({ id: 's1' })).toEqual({ kind: 'STAFF', id: 's1' });
  });
});
