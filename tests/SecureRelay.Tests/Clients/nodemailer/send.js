// Sends one message with nodemailer, as a Node application would; driven by ClientCompatibilityTests.
// argv[2] is a JSON object: port, kind (plain | auth | utf8 | attachment), sender, to, subject,
// body, user, password, attachment / attachment_name.
'use strict';
const nodemailer = require('nodemailer');

async function main() {
    const a = JSON.parse(process.argv[2]);
    const auth = a.kind === 'auth';
    const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: a.port,
        secure: false,
        ignoreTLS: !auth,            // the plain cases stay plain (nodemailer would upgrade when offered)
        requireTLS: auth,
        tls: { rejectUnauthorized: false }, // the relay's certificate is self-signed in the test
        auth: auth ? { user: a.user, pass: a.password } : undefined,
        authMethod: 'LOGIN',
        name: 'node.client.test',
        connectionTimeout: 30000,
    });
    const message = { from: a.sender, to: a.to, subject: a.subject, text: a.body };
    if (a.kind === 'attachment') {
        message.attachments = [{ filename: a.attachment_name, path: a.attachment }];
    }
    const info = await transport.sendMail(message);
    console.log(info.response);
}

main().catch((e) => { console.error(e); process.exit(1); });
