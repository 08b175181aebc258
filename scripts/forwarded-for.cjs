// Preloaded into every Thalamus server process (scripts/next-start.mjs). Next.js sets
// X-Forwarded-For to the TCP peer only when the request has none, so a client that
// sends its own header would choose the address the per-address limits count. Here the
// peer is appended to whatever came in, as a proxy does; lib/http/client-address.ts
// then reads it from the right (TRUST_PROXY_HOPS).
'use strict';
const http = require('node:http');

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request) {
  if (event === 'request' && request.socket && request.socket.remoteAddress) {
    const peer = request.socket.remoteAddress;
    const prior = request.headers['x-forwarded-for'];
    request.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
  }
  return emit.apply(this, arguments);
};
