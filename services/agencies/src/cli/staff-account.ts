import 'reflect-metadata';
import { Role, storeConfig } from '@pantau/common';
import { changeStaffAccount } from '../service/staff-service';
import { normaliseEmail } from '../domain/email';
import type { StaffChange } from '../domain/staff-admin';
import { openRegistryStore } from '../storage/datasource';

/**
 * Account administration from the server's shell (e.g. when no admin can sign in):
 *   npm run staff-account -w @pantau/agencies -- deactivate --email a@b.go.id
 *   npm run staff-account -w @pantau/agencies -- reactivate --email a@b.go.id
 *   npm run staff-account -w @pantau/agencies -- role --email a@b.go.id --role LIAISON
 * Each change ends the account's sessions within PANTAU_TOKEN_RECHECK_SECONDS, as the ADMIN mutations do.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE = 'Usage: staff-account deactivate|reactivate|role --email <email> [--role ADMIN|LIAISON|OMBUDSMAN|LEADERSHIP]';

async function main() {
  const action = process.argv[2];
  const typed = arg('email');
  if (!typed || !['deactivate', 'reactivate', 'role'].includes(action ?? '')) throw new Error(USAGE);
  let change: StaffChange;
  if (action === 'role') {
    const role = arg('role') as Role;
    if (!Object.values(Role).includes(role)) throw new Error(`--role must be one of ${Object.values(Role).join(', ')}`);
    change = { kind: 'role', role };
  } else {
    change = { kind: action as 'deactivate' | 'reactivate' };
  }
  const ds = await openRegistryStore(storeConfig('agencies'));
  try {
    const [row] = await ds.query('SELECT id FROM staff_accounts WHERE email = ?', [normaliseEmail(typed)]);
    if (!row) throw new Error(`No staff account with email ${typed}`);
    const account = await changeStaffAccount(ds, row.id, change, { id: 'cli', role: Role.ADMIN });
    console.log(`${account.email}: ${account.active ? 'active' : 'inactive'}, ${account.role}, token version ${account.tokenVersion}.`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
