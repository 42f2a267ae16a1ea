// limit_badge_cold: the least a cold badge can cost here, for the ratio beside badge_cold (run as its own process:
// node bench/limit-badge-cold.mjs DB EMAIL OUT). The same essential work as `uketsuke badge`: the event file opened
// (no integrity check), the delegate read, an Ed25519-signed token, its QR, the Noto fonts parsed, one A6 PDF.
import fs from 'node:fs';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const [file, email, out] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const d = db.prepare('SELECT family_name, given_name, family_name_kanji, organisation, badge_no FROM delegate WHERE email = ?').get(email);
const { privateKey } = crypto.generateKeyPairSync('ed25519');
const token = `${d.badge_no}.${crypto.sign(null, Buffer.from(String(d.badge_no)), privateKey).toString('base64url')}`;
const qr = QRCode.create(token, { errorCorrectionLevel: 'M' });
const font = (name) => new URL(`../assets/fonts/${name}`, import.meta.url).pathname;
const doc = new PDFDocument({ size: 'A6', margin: 0 });
const chunks = [];
doc.on('data', (c) => chunks.push(c));
const ended = new Promise((r) => doc.on('end', r));
// The product's fonts: the Latin one for the organisation, the Japanese one for the name (Takahashi Misaki, 髙橋).
doc.registerFont('latin', font('NotoSans_400Regular.ttf'));
doc.registerFont('jp', font('NotoSansJP_700Bold.ttf'));
doc.font('jp').fontSize(22).text(`${d.family_name_kanji ?? ''} ${d.given_name} ${d.family_name}`, 20, 40);
doc.font('latin').fontSize(11).text(d.organisation ?? '', 20, 80);
const n = qr.modules.size;
const cell = 140 / n;
for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) doc.rect(80 + x * cell, 160 + y * cell, cell, cell);
doc.fill('black');
doc.end();
await ended;
fs.writeFileSync(out, Buffer.concat(chunks));
db.close();
