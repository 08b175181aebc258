// Preloaded into every Thalamus server process (scripts/next-start.mjs). On SIGTERM
// Next.js closes its HTTP server and exits once every connection has ended. Node closes
// the connections that are idle at that moment (server.close), but not one that is busy
// then and idle a moment later: a keep-alive client that had just been answered held
// the process until the keep-alive timeout (65 s here, longer than Docker's or
// Kubernetes' grace period before SIGKILL). While the server closes, connections are
// closed as soon as they are idle; requests in progress still get their answers.
'use strict';
const http = require('node:http');

const CHECK_MS = 100;
const close = http.Server.prototype.close;
http.Server.prototype.close = function closeWhenIdle(...args) {
  const result = close.apply(this, args);
  const timer = setInterval(() => this.closeIdleConnections(), CHECK_MS);
  timer.unref();
  this.once('close', () => clearInterval(timer));
  return result;
};
