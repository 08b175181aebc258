// The end-to-end tests' mail server: a real SMTP server on loopback (smtp-server) that
// accepts every message and writes it, parsed (mailparser), as one JSON file per
// recipient into TEST_MAIL_DIR: { to, from, subject, text, html, receivedAt }.
// e2e/support/mailbox.ts reads them. A file `refuse-<address>` in the directory makes the
// server answer that recipient with 451 (try again later), or the code the file holds
// (550: refused for good), until the file is removed.
//
//   TEST_SMTP_PORT=4210 TEST_MAIL_DIR=test-results/mail node scripts/test-mail-server.mjs
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.TEST_SMTP_PORT ?? 2525);
const dir = resolve(process.env.TEST_MAIL_DIR ?? 'test-results/mail');

// Each run starts with an empty mailbox and no refusals.
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });

/** The marker file that refuses `address` (the same name mailbox.ts creates). */
const refusalFile = (address) => join(dir, `refuse-${encodeURIComponent(address.toLowerCase())}`);

const server = new SMTPServer({
  // Plain SMTP on loopback, no login: what a local relay looks like.
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  size: 1024 * 1024,
  onRcptTo(address, _session, callback) {
    const marker = refusalFile(address.address);
    if (existsSync(marker)) {
      // The marker holds the reply code: 451 (try again later) unless it says otherwise, e.g. 550.
      const code = Number(readFileSync(marker, 'utf8').trim()) || 451;
      const error = Object.assign(new Error(code >= 500 ? 'No such mailbox' : 'Mailbox temporarily unavailable, try again later'), { responseCode: code });
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const receivedAt = new Date().toISOString();
        for (const recipient of session.envelope.rcptTo) {
          const message = {
            to: recipient.address,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt,
          };
          // Written under a temporary name, then renamed: a reader never sees half a file.
          const name = `${Date.now()}-${randomBytes(6).toString('hex')}`;
          writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(message, null, 2));
          renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.json`));
        }
        callback();
      })
      .catch((error) => callback(error));
  },
});

server.on('error', (error) => console.error(`test mail server: ${error.message}`));
server.listen(port, '127.0.0.1', () => console.log(`test mail server: listening on 127.0.0.1:${port}, writing to ${dir}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
