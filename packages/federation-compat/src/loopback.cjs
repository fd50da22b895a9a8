// Preloaded into the suite's bundled subgraphs (they listen on { port } only, i.e. every interface): a listen
// without an address binds 127.0.0.1, so the compatibility run stays on a private loopback port.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const first = args[0];
  if (first && typeof first === 'object' && first.host === undefined && first.path === undefined && first.handle === undefined) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
