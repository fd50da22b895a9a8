// A minimal subgraph-like HTTP server in its own process (so its keep-alive timer runs while the test's
// event loop is busy), with the subgraphs' own keep-alive settings from @pantau/common.
// Prints its port on the IPC channel; answers every POST with {"data":{"ok":true,"n":<request count>}}.
'use strict';
const http = require('node:http');
const { applyKeepAliveTimeouts } = require('@pantau/common');

let n = 0;
let connections = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    n += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { ok: true, n, connections } }));
  });
});
server.on('connection', () => (connections += 1));
applyKeepAliveTimeouts(server);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, keepAliveTimeout: server.keepAliveTimeout }));
process.on('disconnect', () => process.exit(0));
