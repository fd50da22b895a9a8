import { SignInThrottle } from '../sign-in-throttle';

describe('SignInThrottle', () => {
  it('locks an email after repeated failures and frees it when the window passes', () => {
    let now = 0;
    const throttle = new SignInThrottle(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs('a')).toBe(0);
      throttle.fail('a');
      now += 100;
    }
    expect(throttle.retryAfterMs('a')).toBe(700);
    expect(throttle.retryAfterMs('b')).toBe(0);
    now = 1001;
    expect(throttle.retryAfterMs('a')).toBe(0);
  });
  it('forgets failures after a successful sign-in', () => {
    const throttle = new SignInThrottle(2, 1000, () => 0);
    throttle.fail('a');
    throttle.succeed('a');
    throttle.fail('a');
    expect(throttle.retryAfterMs('a')).toBe(0);
  });
});
