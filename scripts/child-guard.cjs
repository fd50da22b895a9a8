// Preloaded (`node --require`) into every service the launcher starts. The launcher keeps an IPC channel
// open to each child; when it closes — the launcher stopped, crashed or was SIGKILLed — the child stops
// itself (SIGTERM to its own graceful shutdown, then a hard exit), so no service outlives its launcher.
'use strict';

if (typeof process.send === 'function' && process.env.PANTAU_SUPERVISED === '1') {
  const graceMs = Number(process.env.PANTAU_ORPHAN_GRACE_MS || 10000);
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), graceMs).unref();
    try {
      process.kill(process.pid, 'SIGTERM');
    } catch {
      process.exit(1);
    }
  });
  // The channel must not keep a service alive on its own, nor stop it from exiting.
  process.channel?.unref?.();
}
