// Profiles of the registration systems and form tools of issue 24, as data: one table per system and locale, each with
// the public source of its header strings (or the statement that none was found, in which case the columns the table
// does not name are left to the classifier, classify.ts). profiles.ts holds the older five systems and detects them
// all; what a status word means is in status-words.ts.
import type { ImportField } from './columns.js';
import type { SourceProfile } from './source-profile.js';

// connpass → イベント管理 → 申込者の管理 → CSVダウンロード, current column set (UTF-8). Source: public connpass CSV
// readers — a lottery tool that checks for exactly 参加枠名, ユーザー名, 表示名, 利用開始日, コメント, 参加ステータス,
// 出欠ステータス, 出席日時, and a badge generator reading 参加ステータス at column 6 and 受付番号 at column 12 (the
// event's own questions and 更新日時 sit between). 表示名 is the name shown on connpass (often the real name), ユーザー名
// the login id; 受付番号 is the number on the participant's 受付票. Statuses: 参加 / 補欠 / キャンセル
// (help.connpass.com/organizers/event-admin).
const CONNPASS_JA: Record<string, ImportField | null> = {
  参加枠名: 'ticketType', ユーザー名: null, 表示名: 'fullName', 利用開始日: null, コメント: null, 参加ステータス: 'status',
  出欠ステータス: null, 出席日時: null, 更新日時: null, 受付番号: 'externalCode',
};
// The older column set, without 利用開始日 and 出席日時 (PyCon JP's 2019 sprint tool reads it from a Shift_JIS file:
// 参加枠名, ユーザー名, 表示名, コメント, 参加ステータス, 出欠ステータス, the questions, 更新日時, 受付番号).
const CONNPASS_JA_OLD: Record<string, ImportField | null> = {
  参加枠名: 'ticketType', ユーザー名: null, 表示名: 'fullName', コメント: null, 参加ステータス: 'status', 出欠ステータス: null,
  更新日時: null, 受付番号: 'externalCode',
};

// Luma → Guests → Download as CSV. Source for the field names: Luma's guest records as read by
// poap-studio/poap-farcaster-saas scripts/luma-research/analyze-guest-structure.sh (api_id, name, first_name,
// last_name, email, approval_status, checked_in_at, registered_at); qr_code_url and ticket_name are the CSV's columns
// for the ticket's QR (a URL the guest shows at the door) and the ticket type — no public copy of a Luma CSV header was
// found, so columns beyond these are left to the classifier.
const LUMA: Record<string, ImportField | null> = {
  api_id: 'externalCode', name: 'fullName', first_name: 'givenName', last_name: 'familyName', email: 'email', phone_number: null,
  created_at: null, registered_at: null, approval_status: 'status', checked_in_at: null, qr_code_url: 'ticketCode', ticket_name: 'ticketType',
  ticket_type_id: null, amount: null, amount_tax: null, amount_discount: null, currency: null, coupon_code: null,
};

// Tito → Tickets → Export (CSV). No public copy of the export's header was found in the searched code, docs and pages;
// the columns are Tito's own names for a ticket's fields as its admin shows them, and issue 24's observation that
// "Ticket" is the ticket type and the reference the code. Void tickets (Tito's tickets API: "Void tickets are excluded
// unless states includes 'void'") are cancelled.
const TITO: Record<string, ImportField | null> = {
  Number: null, 'Ticket Created Date': null, 'Ticket Last Updated Date': null, Ticket: 'ticketType', 'Ticket Full Name': 'fullName',
  'Ticket First Name': 'givenName', 'Ticket Last Name': 'familyName', 'Ticket Email': 'email', 'Ticket Company Name': 'organisation',
  'Ticket Phone Number': null, Event: null, 'Void Status': 'status', 'Discount Status': null, 'Ticket Reference': 'externalCode', Tags: null,
  'Unique Ticket URL': null, 'Unique Order URL': null, 'Order Reference': 'orderCode', 'Order Name': null, 'Order Email': null,
  'Order Company Name': null, 'Order Phone Number': null, 'Order Discount Code': null, 'Order Ip': null, 'Order Created Date': null,
  'Order Completed Date': null, 'Payment Reference': null, Price: null,
};

// Google Forms → Responses → Link to Sheets / Download responses (.csv): "Timestamp" (タイムスタンプ in a Japanese
// account) first, "Email Address" (メールアドレス) when the form collects addresses, then one column per question by
// its title (left to the classifier). Source: the Forms response sheet as documented by Google; no exporter code is
// public.
const GOOGLE_FORMS_EN: Record<string, ImportField | null> = { Timestamp: null, 'Email Address': 'email', Score: null };
const GOOGLE_FORMS_JA: Record<string, ImportField | null> = { タイムスタンプ: null, メールアドレス: 'email', スコア: null };

// Microsoft Forms → Responses → Open in Excel: ID, Start time, Completion time, Email, Name (and Last modified time),
// then the questions. An anonymous form writes "anonymous" in Email and leaves Name empty: then the e-mail and name
// *questions* hold the person (profiles.ts moves the field to them). Japanese: ID, 開始時刻, 完了時刻, メール, 名前,
// 最終変更時刻. No exporter code is public; the header is the workbook Forms writes.
const MS_FORMS_EN: Record<string, ImportField | null> = { ID: null, 'Start time': null, 'Completion time': null, Email: 'email', Name: 'fullName', 'Last modified time': null };
const MS_FORMS_JA: Record<string, ImportField | null> = { ID: null, 開始時刻: null, 完了時刻: null, メール: 'email', 名前: 'fullName', 最終変更時刻: null };

// Peatix, Doorkeeper, Cvent, Swapcard and b2match: no public source of their export headers was found (code, docs,
// issues and pages corpora searched for each). They have no profile; their files are recognised column by column by
// the classifier and the values (classify.ts), and the import says so.
export const SYSTEMS_WITHOUT_PUBLIC_HEADERS = ['Peatix', 'Doorkeeper', 'Cvent', 'Swapcard', 'b2match'] as const;

export const SYSTEM_PROFILES: readonly SourceProfile[] = [
  { id: 'connpass-ja', label: 'connpass — 申込者一覧', signature: ['参加枠名', '表示名', '参加ステータス', '利用開始日'], columns: CONNPASS_JA, yields: ['表示名'] },
  { id: 'connpass-ja-old', label: 'connpass — 申込者一覧（旧形式）', signature: ['参加枠名', '表示名', '参加ステータス', '受付番号'], columns: CONNPASS_JA_OLD, yields: ['表示名'] },
  { id: 'luma-guests', label: 'Luma — guests', signature: ['api_id', 'approval_status', 'email'], columns: LUMA, primaryIgnoresCase: true },
  { id: 'tito-tickets', label: 'Tito — tickets', signature: ['Ticket Reference', 'Order Reference', 'Ticket'], columns: TITO, primaryIgnoresCase: true },
  { id: 'ms-forms-en', label: 'Microsoft Forms — responses', signature: ['ID', 'Start time', 'Completion time'], columns: MS_FORMS_EN },
  { id: 'ms-forms-ja', label: 'Microsoft Forms — 回答', signature: ['ID', '開始時刻', '完了時刻'], columns: MS_FORMS_JA },
  { id: 'google-forms-en', label: 'Google Forms — responses', signature: ['Timestamp'], columns: GOOGLE_FORMS_EN },
  { id: 'google-forms-ja', label: 'Google フォーム — 回答', signature: ['タイムスタンプ'], columns: GOOGLE_FORMS_JA },
];
