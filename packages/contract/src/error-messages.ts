/**
 * The one error-message catalogue, per language: every code's general message and every
 * `CODE.REASON`'s specific one, with `{param}` placeholders filled from the error's `extensions`.
 * The services write `message` (in the request's Accept-Language) and the deprecated
 * `extensions.messageId` (Indonesian) with `formatError`; the dashboard translates with the same
 * function. No other place writes error prose.
 *
 * Parameter values are rendered as they are, except:
 *  - `field` (an API field path such as `title` or `reporter.phone`) through FIELD_LABELS;
 *  - the enum-valued parameters in VALUE_LABELS (`status`, `action`, `allowed`, `service`, `missing`);
 *  - lists, joined with ", ".
 */
import type { ErrorKey } from './errors';

export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

type Catalogue = Record<ErrorKey, string>;

const id: Catalogue = {
  BAD_USER_INPUT: 'Permintaan tidak sah.',
  NOT_FOUND: 'Tidak ditemukan.',
  UNAUTHENTICATED: 'Anda harus masuk terlebih dahulu.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  CONFLICT: 'Data telah berubah sementara itu. Muat ulang lalu coba lagi.',
  INVALID_TRANSITION: 'Status laporan tidak memungkinkan tindakan ini sekarang.',
  RATE_LIMITED: 'Terlalu banyak permintaan. Coba lagi dalam {retryAfterSeconds} detik.',
  MAX_DEPTH_EXCEEDED: 'Operasi bersarang terlalu dalam: paling banyak {limit} tingkat.',
  MAX_ALIASES_EXCEEDED: 'Operasi memakai terlalu banyak alias: paling banyak {limit}.',
  MAX_ROOT_FIELDS_EXCEEDED: 'Operasi memilih terlalu banyak field akar: paling banyak {limit}.',
  MAX_TOKENS_EXCEEDED: 'Dokumen terlalu panjang: paling banyak {limit} token.',
  MAX_DIRECTIVES_EXCEEDED: 'Operasi memakai terlalu banyak direktif: paling banyak {limit}.',
  COST_LIMIT_EXCEEDED: 'Operasi terlalu berat: biayanya paling banyak {limit}. Minta halaman lebih kecil (first) atau lebih sedikit field.',
  UPLOAD_TIMEOUT: 'Unggahan tidak selesai dalam {limitMs} md.',
  OPERATION_TIMEOUT: 'Operasi berjalan lebih dari {limitMs} md dan dihentikan. Minta lebih sedikit data atau coba lagi nanti.',
  PAYLOAD_TOO_LARGE: 'Isi permintaan terlalu besar.',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi permintaan tidak didukung.',
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'Kepala (header) permintaan terlalu besar.',
  GRAPHQL_PARSE_FAILED: 'Kueri GraphQL tidak dapat diurai.',
  GRAPHQL_VALIDATION_FAILED: 'Kueri GraphQL tidak sesuai dengan skema.',
  PERSISTED_QUERY_NOT_FOUND: 'Kueri tersimpan tidak ditemukan.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Kueri tersimpan tidak didukung.',
  SUBGRAPH_UNAVAILABLE: 'Layanan {service} tidak menjawab; bidangnya bernilai null dalam jawaban ini, bagian lain lengkap.',
  SERVICE_UNAVAILABLE: 'Layanan sedang tidak tersedia. Tidak ada yang disimpan; silakan coba lagi.',
  OUTBOX_PRUNED: 'Peristiwa sampai seq {prunedThrough} sudah dipangkas: pulihkan cadangan konsumen yang dibuat setelah seq {prunedThrough}.',
  INTERNAL_SERVER_ERROR: 'Terjadi kesalahan internal dan telah dicatat.',

  'BAD_USER_INPUT.REQUIRED': '{field} tidak boleh kosong atau hanya berisi spasi.',
  'BAD_USER_INPUT.TOO_SHORT': '{field} harus {min}–{max} karakter.',
  'BAD_USER_INPUT.TOO_LONG': '{field} paling banyak {max} karakter.',
  'BAD_USER_INPUT.INVALID_CHARACTER': '{field} berisi karakter yang tidak sah (surrogate UTF-16 tunggal).',
  'BAD_USER_INPUT.INVALID_DATETIME':
    '{field} harus berupa tanggal-waktu ISO-8601 dengan zona waktu, misalnya 2026-01-31T00:00:00+08:00 (diterima {received}).',
  'BAD_USER_INPUT.INVALID_EMAIL': '{field} bukan alamat email yang sah.',
  'BAD_USER_INPUT.INVALID_PHONE': '{field} harus nomor ponsel Indonesia, misalnya 0812-3456-7890.',
  'BAD_USER_INPUT.INVALID_REGION_CODE': '{field} harus berupa kode wilayah Kemendagri, misalnya 64, 64.02, 64.02.18 atau 64.02.18.2001.',
  'BAD_USER_INPUT.INVALID_TOPIC_CODE': '{field} harus kode topik, misalnya JALAN.',
  'BAD_USER_INPUT.INVALID_IDEMPOTENCY_KEY': '{field} harus 8-100 karakter berupa huruf, angka, _ . : -',
  'BAD_USER_INPUT.INVALID_TRACKING_ID': 'Nomor pelacakan tidak sah (periksa kembali penulisannya: LPR-XXXX-XXXX-XXXX-C).',
  'BAD_USER_INPUT.INVALID_VALUE': 'Nilai {field} tidak sah.',
  'BAD_USER_INPUT.NOT_INTEGER': '{field} harus bilangan bulat.',
  'BAD_USER_INPUT.INVALID_ID': '{field} harus berupa id yang diterbitkan API ini (misalnya dari POST /attachments).',
  'BAD_USER_INPUT.OUT_OF_RANGE': '{field} harus antara {min} dan {max}.',
  'BAD_USER_INPUT.BELOW_MIN': '{field} harus {min} atau lebih.',
  'BAD_USER_INPUT.TOO_MANY_ITEMS': 'Daftar "{field}" berisi {found} butir; paling banyak {max}.',
  'BAD_USER_INPUT.TOO_MANY_TREND_POINTS': 'Tren akan berisi lebih dari {max} titik: pilih periode lebih pendek atau interval lebih panjang.',
  'BAD_USER_INPUT.UNKNOWN_TOPIC': 'Topik "{topic}" tidak dikenal.',
  'BAD_USER_INPUT.UNKNOWN_REGION': 'Wilayah "{regionCode}" tidak dikenal.',
  'BAD_USER_INPUT.UNKNOWN_ROAD': 'Jalan "{roadId}" tidak dikenal.',
  'BAD_USER_INPUT.UNKNOWN_AGENCY': 'Instansi "{agencyId}" tidak dikenal.',
  'BAD_USER_INPUT.AGENCY_INACTIVE': 'Instansi "{agencyId}" tidak aktif.',
  'BAD_USER_INPUT.UNKNOWN_ATTACHMENT':
    'Lampiran "{attachmentId}" tidak dikenal: lampirkan hanya berkas yang Anda unggah sendiri (dengan akun yang sama, atau tanpa masuk untuk laporan publik) dan belum terlampir.',
  'BAD_USER_INPUT.ROAD_NOT_APPLICABLE': 'Topik {topic} bukan tentang jalan; kosongkan {field}.',
  'BAD_USER_INPUT.ROAD_OUTSIDE_REGION': 'Jalan "{roadId}" tidak melewati wilayah {regionCode}.',
  'BAD_USER_INPUT.NO_AGENCY': 'Tidak ada instansi yang memiliki tupoksi topik {topic} untuk wilayah {regionCode} di tingkat mana pun.',
  'BAD_USER_INPUT.AGENCY_REQUIRED': '{field} wajib diisi: laporan ini belum memiliki usulan instansi.',
  'BAD_USER_INPUT.ANONYMITY_LOCKED': 'Pelapor meminta anonim; status anonim tidak dapat dicabut.',
  'BAD_USER_INPUT.CONFIDENTIALITY_LOCKED': 'Pelapor meminta laporan dirahasiakan; status rahasia tidak dapat dicabut.',
  'BAD_USER_INPUT.SAME_AGENCY': 'Laporan sudah berada di instansi tersebut.',
  'BAD_USER_INPUT.BEFORE_SUBMISSION': 'Tindakan tidak boleh sebelum laporan dikirim.',
  'BAD_USER_INPUT.INVALID_RATING': 'Nilai harus bilangan bulat {min} sampai {max}.',
  'BAD_USER_INPUT.UNKNOWN_MALADMINISTRATION': 'Jenis maladministrasi tidak dikenal.',
  'BAD_USER_INPUT.INVALID_CURSOR': 'Kursor "{field}" tidak sah untuk daftar ini: kirim endCursor halaman sebelumnya tanpa diubah.',
  'BAD_USER_INPUT.REPRESENTATION_NOT_OBJECT': '{field} harus berupa objek dengan __typename dan field kunci.',
  'BAD_USER_INPUT.UNKNOWN_ENTITY_TYPE': '{field} tidak menyebut tipe entitas layanan ini ({typename}).',
  'BAD_USER_INPUT.MISSING_KEY_FIELDS': '{field} untuk {typename} memerlukan field kunci: {keyFields}.',
  'BAD_USER_INPUT.INVALID_JSON': 'Isi permintaan bukan JSON yang sah (harus berupa objek JSON).',
  'BAD_USER_INPUT.INCOMPLETE_BODY': 'Isi permintaan tidak lengkap.',
  'BAD_USER_INPUT.MALFORMED_REQUEST': 'Permintaan tidak sah.',
  'BAD_USER_INPUT.URL_TOO_LONG': 'Alamat permintaan terlalu panjang. Kirim kueri GraphQL yang panjang dalam isi POST.',
  'BAD_USER_INPUT.REQUEST_TIMEOUT': 'Permintaan tidak diterima tepat waktu.',
  'BAD_USER_INPUT.INVALID_HTTP': 'Permintaan bukan HTTP yang sah.',
  'BAD_USER_INPUT.UNKNOWN_OPERATION': 'Tidak ada operasi bernama "{operationName}".',
  'BAD_USER_INPUT.OPERATION_NAME_REQUIRED': 'Sebutkan operationName bila kueri berisi beberapa operasi.',
  'BAD_USER_INPUT.UPLOAD_NO_FILE': 'Tidak ada berkas bernama "file" dalam unggahan.',
  'BAD_USER_INPUT.UPLOAD_EMPTY': 'Berkas kosong.',
  'BAD_USER_INPUT.INVALID_MULTIPART': 'Unggahan bukan isi multipart/form-data yang sah.',
  'BAD_USER_INPUT.REPEATED_PARAMETER': '{field} diberikan lebih dari sekali.',
  'BAD_USER_INPUT.UNKNOWN_SERVICE_CODE': '{field} "{serviceCode}" tidak ditemukan (lihat GET services).',
  'BAD_USER_INPUT.INVALID_COORDINATES': 'lat dan long harus diisi keduanya dalam derajat desimal WGS84.',
  'BAD_USER_INPUT.LOCATION_REQUIRED': 'Lokasi wajib diisi: lat dan long, address_string atau address_id.',
  'BAD_USER_INPUT.REGION_OUTSIDE_JURISDICTION': '{field} harus kode wilayah Kemendagri di dalam jurisdiction_id {jurisdictionId}.',
  'BAD_USER_INPUT.NOT_BOOLEAN': '{field} harus true atau false.',
  'BAD_USER_INPUT.NOT_ONE_OF': '{field} harus salah satu dari: {allowed}.',
  'BAD_USER_INPUT.INVALID_URL': '{field} harus URL http(s) paling panjang {max} karakter.',
  'BAD_USER_INPUT.START_AFTER_END': 'start_date sesudah end_date.',
  'BAD_USER_INPUT.METHOD_NOT_ALLOWED': '{method} tidak diizinkan di sini.',
  'BAD_USER_INPUT.OUTBOX_PAGE': 'after harus bilangan bulat >= 0 dan limit 1–{max}.',
  'BAD_USER_INPUT.GRAPHQL': 'Permintaan tidak sah: {detail}',
  'GRAPHQL_PARSE_FAILED.GRAPHQL': 'Kueri GraphQL tidak dapat diurai: {detail}',
  'GRAPHQL_VALIDATION_FAILED.GRAPHQL': 'Kueri GraphQL tidak sesuai dengan skema: {detail}',
  'GRAPHQL_VALIDATION_FAILED.NO_OPERATION_TYPE': 'API ini tidak memiliki operasi {operation}.',
  'NOT_FOUND.ROUTE': 'Alamat tidak ditemukan.',
  'NOT_FOUND.REPORT': 'Laporan tidak ditemukan.',
  'NOT_FOUND.TRACKING_ID': 'Tidak ada laporan dengan nomor pelacakan ini.',
  'NOT_FOUND.STAFF_ACCOUNT': 'Akun staf tidak ditemukan.',
  'NOT_FOUND.API_CLIENT': 'Klien API tidak ditemukan.',
  'NOT_FOUND.ATTACHMENT': 'Lampiran tidak ditemukan atau Anda tidak berhak melihatnya.',
  'NOT_FOUND.REGION': 'Wilayah {regionCode} tidak ditemukan.',
  'NOT_FOUND.JURISDICTION': 'jurisdiction_id "{jurisdictionId}" tidak ditemukan: gunakan kode wilayah Kemendagri, mis. 64.02.',
  'NOT_FOUND.SERVICE_CODE': 'service_code "{serviceCode}" tidak ditemukan.',
  'NOT_FOUND.SERVICE_REQUEST': 'service_request_id tidak ditemukan (laporan rahasia tidak publik).',
  'NOT_FOUND.OPEN311_METHOD': 'Metode Open311 tidak dikenal (lihat /open311/discovery.json).',
  'NOT_FOUND.NO_AGENCY': 'Tidak ada instansi yang memiliki tupoksi topik {topic} untuk wilayah {regionCode} di tingkat mana pun.',
  'UNAUTHENTICATED.SIGN_IN_REQUIRED': 'Anda harus masuk terlebih dahulu.',
  'UNAUTHENTICATED.STAFF_REQUIRED': 'Masuk sebagai petugas untuk melakukan ini.',
  'UNAUTHENTICATED.WRONG_CREDENTIALS': 'Email atau kata sandi salah.',
  'UNAUTHENTICATED.MALFORMED_AUTHORIZATION': 'Header Authorization harus berbentuk "Bearer <token>".',
  'UNAUTHENTICATED.INVALID_TOKEN': 'Token tidak sah ({detail}). Silakan masuk kembali.',
  'UNAUTHENTICATED.SESSION_INVALID': 'Sesi Anda tidak berlaku lagi. Silakan masuk kembali.',
  'UNAUTHENTICATED.SERVICE_CREDENTIAL_REQUIRED': 'Titik akhir ini internal: diperlukan kredensial layanan (X-Pantau-Service) yang sah.',
  'FORBIDDEN.ADMIN_ONLY': 'Hanya admin yang dapat melakukan ini.',
  'FORBIDDEN.OWN_ACCOUNT': 'Anda tidak dapat mengubah akun Anda sendiri dengan cara ini; minta admin lain.',
  'FORBIDDEN.OWN_AGENCY_ONLY': 'Narahubung hanya dapat melihat laporan instansinya sendiri.',
  'FORBIDDEN.ACTION_NOT_ALLOWED': 'Hanya {allowed} yang dapat melakukan tindakan "{action}" pada laporan ini.',
  'FORBIDDEN.CROSS_ORIGIN': 'Permintaan lintas asal dari asal ini tidak diizinkan.',
  'FORBIDDEN.INVALID_API_KEY': 'api_key tidak ada atau tidak berlaku: mintalah kunci untuk aplikasi Anda kepada admin Pantau.',
  'CONFLICT.STALE_VERSION': 'Laporan telah diubah oleh pihak lain (kini versi {currentVersion}). Muat ulang laporan lalu coba lagi.',
  'CONFLICT.IDEMPOTENCY_KEY_REUSED': 'Kunci idempotensi ini sudah dipakai untuk laporan lain. Gunakan kunci baru untuk laporan baru.',
  'INVALID_TRANSITION.STATUS': 'Tindakan "{action}" tidak dapat dilakukan pada laporan berstatus "{status}".',
  'INVALID_TRANSITION.NOT_VERIFIED': 'Laporan diklasifikasikan saat atau setelah verifikasi.',
  'INVALID_TRANSITION.ALREADY_RATED': 'Hasil ini sudah dinilai.',
  'INVALID_TRANSITION.REOPEN_WINDOW_CLOSED': 'Laporan yang selesai hanya dapat dibuka kembali dalam {days} hari setelah selesai.',
  'RATE_LIMITED.SIGN_IN': 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {retryAfterMinutes} menit.',
  'PAYLOAD_TOO_LARGE.BODY': 'Isi permintaan melebihi batas ukuran {limit} bita.',
  'PAYLOAD_TOO_LARGE.FILE': 'Ukuran berkas melebihi batas {limit} bita.',
  'UNSUPPORTED_MEDIA_TYPE.CHARSET': 'Set karakter tidak didukung: kirim isi permintaan dalam UTF-8.',
  'UNSUPPORTED_MEDIA_TYPE.ENCODING': 'Pengodean isi tidak didukung: kirim tanpa kompresi, gzip atau deflate.',
  'UNSUPPORTED_MEDIA_TYPE.JSON_REQUIRED': 'Kirim permintaan GraphQL sebagai application/json.',
  'UNSUPPORTED_MEDIA_TYPE.FORM_REQUIRED': 'Kirim POST sebagai application/x-www-form-urlencoded.',
  'UNSUPPORTED_MEDIA_TYPE.MULTIPART_REQUIRED': 'Kirim berkas sebagai multipart/form-data dengan bagian bernama "file".',
  'UNSUPPORTED_MEDIA_TYPE.FILE_TYPE': 'Hanya berkas berjenis {allowed} yang diterima (diperiksa dari isinya).',
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_IMAGE': 'Gambar tidak dapat dibaca (rusak, atau lebih dari {maxMegapixels} megapiksel).',
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_FILE': 'Berkas tidak dapat dibaca (rusak, terpotong, atau terenkripsi).',
  'SUBGRAPH_UNAVAILABLE.connection': 'Layanan {service} tidak dapat dihubungi; bidangnya bernilai null dalam jawaban ini, bagian lain lengkap.',
  'SUBGRAPH_UNAVAILABLE.timeout': 'Layanan {service} tidak menjawab tepat waktu; bidangnya bernilai null dalam jawaban ini, bagian lain lengkap.',
  'SUBGRAPH_UNAVAILABLE.bad_response': 'Layanan {service} menjawab dengan galat; bidangnya bernilai null dalam jawaban ini, bagian lain lengkap.',
  'SERVICE_UNAVAILABLE.DATABASE': 'Layanan tidak dapat menghubungi basis datanya saat ini. Tidak ada yang disimpan; silakan coba lagi.',
  'SERVICE_UNAVAILABLE.REGISTRY': 'Layanan registri instansi tidak dapat dihubungi. Tidak ada data yang disimpan; silakan coba lagi.',
  'SERVICE_UNAVAILABLE.SESSION_CHECK': 'Sesi Anda tidak dapat diperiksa saat ini. Coba lagi sebentar lagi.',
  'SERVICE_UNAVAILABLE.NOT_READY': 'Belum siap: {missing} tidak tersedia.',
  'SUBGRAPH_UNAVAILABLE.FIGURES': 'Angka tidak dapat dibuat saat ini; coba lagi sebentar lagi.',
};

const en: Catalogue = {
  BAD_USER_INPUT: 'The request is not valid.',
  NOT_FOUND: 'Not found.',
  UNAUTHENTICATED: 'You must sign in to do this.',
  FORBIDDEN: 'You are not allowed to do this.',
  CONFLICT: 'The data changed in the meantime. Reload and try again.',
  INVALID_TRANSITION: "The report's status does not allow this action now.",
  RATE_LIMITED: 'Too many requests. Try again in {retryAfterSeconds} seconds.',
  MAX_DEPTH_EXCEEDED: 'The operation is nested too deeply: at most {limit} levels are allowed.',
  MAX_ALIASES_EXCEEDED: 'The operation uses too many aliases: at most {limit} are allowed.',
  MAX_ROOT_FIELDS_EXCEEDED: 'The operation selects too many root fields: at most {limit} are allowed.',
  MAX_TOKENS_EXCEEDED: 'The document is too long: at most {limit} tokens are allowed.',
  MAX_DIRECTIVES_EXCEEDED: 'The operation uses too many directives: at most {limit} are allowed.',
  COST_LIMIT_EXCEEDED: 'The operation is too expensive: its cost is at most {limit}. Ask for smaller pages (first) or fewer fields.',
  UPLOAD_TIMEOUT: 'The upload did not finish within {limitMs} ms.',
  OPERATION_TIMEOUT: 'The operation took longer than {limitMs} ms and was stopped. Ask for less (smaller pages, fewer fields) or try again later.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type.',
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'The request headers are too large.',
  GRAPHQL_PARSE_FAILED: 'The GraphQL document does not parse.',
  GRAPHQL_VALIDATION_FAILED: 'The GraphQL document does not match the schema.',
  PERSISTED_QUERY_NOT_FOUND: 'Persisted query not found.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not supported.',
  SUBGRAPH_UNAVAILABLE: 'The {service} service does not answer; its fields are null in this answer, the rest is complete.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Nothing was saved; try again shortly.',
  OUTBOX_PRUNED:
    'Events up to seq {prunedThrough} were pruned after every consumer had them (PANTAU_OUTBOX_RETENTION_DAYS): restore a snapshot of the consumer taken after seq {prunedThrough}.',
  INTERNAL_SERVER_ERROR: 'Internal error. It has been logged.',

  'BAD_USER_INPUT.REQUIRED': '{field} must not be empty or only spaces.',
  'BAD_USER_INPUT.TOO_SHORT': '{field} must be {min}–{max} characters long.',
  'BAD_USER_INPUT.TOO_LONG': '{field} must be at most {max} characters long.',
  'BAD_USER_INPUT.INVALID_CHARACTER': '{field} contains an invalid character (a lone UTF-16 surrogate).',
  'BAD_USER_INPUT.INVALID_DATETIME': '{field} must be an ISO-8601 date-time with a time zone, such as 2026-01-31T00:00:00+08:00 (got {received}).',
  'BAD_USER_INPUT.INVALID_EMAIL': '{field} is not a valid e-mail address.',
  'BAD_USER_INPUT.INVALID_PHONE': '{field} must be an Indonesian mobile number such as 0812-3456-7890.',
  'BAD_USER_INPUT.INVALID_REGION_CODE': '{field} must be a Kemendagri region code such as 64, 64.02, 64.02.18 or 64.02.18.2001.',
  'BAD_USER_INPUT.INVALID_TOPIC_CODE': '{field} must be a topic code such as JALAN.',
  'BAD_USER_INPUT.INVALID_IDEMPOTENCY_KEY': '{field} must be 8-100 characters of letters, digits, _ . : -',
  'BAD_USER_INPUT.INVALID_TRACKING_ID': 'That is not a valid tracking ID (check for typos: LPR-XXXX-XXXX-XXXX-C).',
  'BAD_USER_INPUT.INVALID_VALUE': '{field} has a value that is not allowed.',
  'BAD_USER_INPUT.NOT_INTEGER': '{field} must be a whole number.',
  'BAD_USER_INPUT.INVALID_ID': '{field} must hold ids issued by this API (e.g. by POST /attachments).',
  'BAD_USER_INPUT.OUT_OF_RANGE': '{field} must be between {min} and {max}.',
  'BAD_USER_INPUT.BELOW_MIN': '{field} must be {min} or more.',
  'BAD_USER_INPUT.TOO_MANY_ITEMS': 'The list "{field}" has {found} items; at most {max} are allowed.',
  'BAD_USER_INPUT.TOO_MANY_TREND_POINTS': 'The trend would have more than {max} points: choose a shorter period or a longer interval.',
  'BAD_USER_INPUT.UNKNOWN_TOPIC': 'Unknown topic "{topic}". See the topics query.',
  'BAD_USER_INPUT.UNKNOWN_REGION': 'Unknown region "{regionCode}".',
  'BAD_USER_INPUT.UNKNOWN_ROAD': 'Unknown road "{roadId}".',
  'BAD_USER_INPUT.UNKNOWN_AGENCY': 'Unknown agency "{agencyId}".',
  'BAD_USER_INPUT.AGENCY_INACTIVE': 'Agency "{agencyId}" is not active.',
  'BAD_USER_INPUT.UNKNOWN_ATTACHMENT':
    'Unknown attachment "{attachmentId}": attach only files you uploaded yourself (signed in with the same account, or signed out for a public report) that are not attached yet.',
  'BAD_USER_INPUT.ROAD_NOT_APPLICABLE': 'Topic {topic} is not about a road; leave {field} empty.',
  'BAD_USER_INPUT.ROAD_OUTSIDE_REGION': 'Road "{roadId}" does not pass through region {regionCode}.',
  'BAD_USER_INPUT.NO_AGENCY': 'No agency owns topic {topic} for region {regionCode} at any level.',
  'BAD_USER_INPUT.AGENCY_REQUIRED': '{field} is required: the report has no routing suggestion.',
  'BAD_USER_INPUT.ANONYMITY_LOCKED': 'The reporter asked for anonymity; it cannot be removed.',
  'BAD_USER_INPUT.CONFIDENTIALITY_LOCKED': 'The reporter asked for confidentiality; it cannot be removed.',
  'BAD_USER_INPUT.SAME_AGENCY': 'The report is already with that agency.',
  'BAD_USER_INPUT.BEFORE_SUBMISSION': 'An action cannot predate the submission.',
  'BAD_USER_INPUT.INVALID_RATING': 'rating must be a whole number from {min} to {max}.',
  'BAD_USER_INPUT.UNKNOWN_MALADMINISTRATION': 'Unknown maladministration type.',
  'BAD_USER_INPUT.INVALID_CURSOR': 'The "{field}" cursor is not valid for this list: pass the endCursor of the previous page unchanged.',
  'BAD_USER_INPUT.REPRESENTATION_NOT_OBJECT': '{field} must be an object with __typename and the key fields.',
  'BAD_USER_INPUT.UNKNOWN_ENTITY_TYPE': '{field} names no entity type of this service ({typename}).',
  'BAD_USER_INPUT.MISSING_KEY_FIELDS': '{field} of {typename} needs its key field(s): {keyFields}.',
  'BAD_USER_INPUT.INVALID_JSON': 'The request body is not valid JSON (a JSON object is expected).',
  'BAD_USER_INPUT.INCOMPLETE_BODY': 'The request body was incomplete.',
  'BAD_USER_INPUT.MALFORMED_REQUEST': 'The request is malformed.',
  'BAD_USER_INPUT.URL_TOO_LONG': 'The request URL is too long. Send a long GraphQL query in a POST body instead.',
  'BAD_USER_INPUT.REQUEST_TIMEOUT': 'The request was not received in time.',
  'BAD_USER_INPUT.INVALID_HTTP': 'The request is not valid HTTP.',
  'BAD_USER_INPUT.UNKNOWN_OPERATION': 'Unknown operation named "{operationName}".',
  'BAD_USER_INPUT.OPERATION_NAME_REQUIRED': 'Must provide operation name if query contains multiple operations.',
  'BAD_USER_INPUT.UPLOAD_NO_FILE': 'No part named "file" in the upload.',
  'BAD_USER_INPUT.UPLOAD_EMPTY': 'The file is empty.',
  'BAD_USER_INPUT.INVALID_MULTIPART': 'The upload is not a well-formed multipart/form-data body.',
  'BAD_USER_INPUT.REPEATED_PARAMETER': '{field} was given more than once.',
  'BAD_USER_INPUT.UNKNOWN_SERVICE_CODE': '{field} "{serviceCode}" was not found (see GET services).',
  'BAD_USER_INPUT.INVALID_COORDINATES': 'lat and long must both be given as WGS84 decimal degrees.',
  'BAD_USER_INPUT.LOCATION_REQUIRED': 'A location is required: lat and long, address_string or address_id.',
  'BAD_USER_INPUT.REGION_OUTSIDE_JURISDICTION': '{field} must be a Kemendagri code inside jurisdiction_id {jurisdictionId}.',
  'BAD_USER_INPUT.NOT_BOOLEAN': '{field} must be true or false.',
  'BAD_USER_INPUT.NOT_ONE_OF': '{field} must be one of: {allowed}.',
  'BAD_USER_INPUT.INVALID_URL': '{field} must be an http(s) URL of at most {max} characters.',
  'BAD_USER_INPUT.START_AFTER_END': 'start_date is after end_date.',
  'BAD_USER_INPUT.METHOD_NOT_ALLOWED': '{method} is not allowed here.',
  'BAD_USER_INPUT.OUTBOX_PAGE': 'after must be an integer >= 0 and limit 1–{max}.',
  'BAD_USER_INPUT.GRAPHQL': '{detail}',
  'GRAPHQL_PARSE_FAILED.GRAPHQL': '{detail}',
  'GRAPHQL_VALIDATION_FAILED.GRAPHQL': '{detail}',
  'GRAPHQL_VALIDATION_FAILED.NO_OPERATION_TYPE': 'This API has no {operation} operations.',
  'NOT_FOUND.ROUTE': 'No such route.',
  'NOT_FOUND.REPORT': 'No report with that id or tracking ID.',
  'NOT_FOUND.TRACKING_ID': 'No report with that tracking ID.',
  'NOT_FOUND.STAFF_ACCOUNT': 'No such staff account.',
  'NOT_FOUND.API_CLIENT': 'No such API client.',
  'NOT_FOUND.ATTACHMENT': 'No such attachment, or you may not see it.',
  'NOT_FOUND.REGION': 'Region {regionCode} was not found.',
  'NOT_FOUND.JURISDICTION': 'jurisdiction_id "{jurisdictionId}" was not found: use a Kemendagri region code such as 64.02.',
  'NOT_FOUND.SERVICE_CODE': 'service_code "{serviceCode}" was not found.',
  'NOT_FOUND.SERVICE_REQUEST': 'service_request_id was not found (confidential requests are not public).',
  'NOT_FOUND.OPEN311_METHOD': 'No such Open311 method (see /open311/discovery.json).',
  'NOT_FOUND.NO_AGENCY': 'No agency owns topic {topic} for region {regionCode} at any level.',
  'UNAUTHENTICATED.SIGN_IN_REQUIRED': 'You must sign in to do this.',
  'UNAUTHENTICATED.STAFF_REQUIRED': 'Sign in as staff to do this.',
  'UNAUTHENTICATED.WRONG_CREDENTIALS': 'Email or password is wrong.',
  'UNAUTHENTICATED.MALFORMED_AUTHORIZATION': 'Authorization header must be "Bearer <token>".',
  'UNAUTHENTICATED.INVALID_TOKEN': 'Invalid token ({detail}). Sign in again.',
  'UNAUTHENTICATED.SESSION_INVALID': 'Your session is no longer valid. Sign in again.',
  'UNAUTHENTICATED.SERVICE_CREDENTIAL_REQUIRED': 'This endpoint is internal: a valid service credential (X-Pantau-Service) is required.',
  'FORBIDDEN.ADMIN_ONLY': 'Only an admin can do this.',
  'FORBIDDEN.OWN_ACCOUNT': 'You cannot change your own account this way; ask another admin.',
  'FORBIDDEN.OWN_AGENCY_ONLY': "A liaison sees only its own agency's reports.",
  'FORBIDDEN.ACTION_NOT_ALLOWED': 'Only {allowed} may {action} this report.',
  'FORBIDDEN.CROSS_ORIGIN': 'Cross-origin requests from this origin are not allowed.',
  'FORBIDDEN.INVALID_API_KEY': 'api_key is missing or not valid: ask the Pantau admin for a key for your application.',
  'CONFLICT.STALE_VERSION': 'The report was changed by someone else in the meantime (now version {currentVersion}). Reload it and try again.',
  'CONFLICT.IDEMPOTENCY_KEY_REUSED': 'This idempotencyKey was already used for a different report. Use a new key for a new report.',
  'INVALID_TRANSITION.STATUS': 'Cannot {action} a report with status {status}.',
  'INVALID_TRANSITION.NOT_VERIFIED': 'A report is classified at or after verification.',
  'INVALID_TRANSITION.ALREADY_RATED': 'This outcome has already been rated.',
  'INVALID_TRANSITION.REOPEN_WINDOW_CLOSED': 'A completed report can be reopened only within {days} days of completion.',
  'RATE_LIMITED.SIGN_IN': 'Too many failed sign-ins. Try again in {retryAfterMinutes} minute(s).',
  'PAYLOAD_TOO_LARGE.BODY': 'The request body is larger than the limit of {limit} bytes.',
  'PAYLOAD_TOO_LARGE.FILE': 'The file is larger than the limit of {limit} bytes.',
  'UNSUPPORTED_MEDIA_TYPE.CHARSET': 'Unsupported charset: send the body as UTF-8.',
  'UNSUPPORTED_MEDIA_TYPE.ENCODING': 'Unsupported content encoding: send the body uncompressed, gzip or deflate.',
  'UNSUPPORTED_MEDIA_TYPE.JSON_REQUIRED': 'Send GraphQL requests as application/json.',
  'UNSUPPORTED_MEDIA_TYPE.FORM_REQUIRED': 'Send POST requests as application/x-www-form-urlencoded.',
  'UNSUPPORTED_MEDIA_TYPE.MULTIPART_REQUIRED': 'Send the file as multipart/form-data with a part named "file".',
  'UNSUPPORTED_MEDIA_TYPE.FILE_TYPE': 'Only files of type {allowed} are accepted (checked by content).',
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_IMAGE': 'The image cannot be read (damaged, or larger than {maxMegapixels} megapixels).',
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_FILE': 'The file cannot be read (damaged, truncated or encrypted).',
  'SUBGRAPH_UNAVAILABLE.connection': 'The {service} service could not be reached; its fields are null in this answer, the rest is complete.',
  'SUBGRAPH_UNAVAILABLE.timeout': 'The {service} service did not answer in time; its fields are null in this answer, the rest is complete.',
  'SUBGRAPH_UNAVAILABLE.bad_response': 'The {service} service answered with an error; its fields are null in this answer, the rest is complete.',
  'SERVICE_UNAVAILABLE.DATABASE': 'The service cannot reach its database right now. Nothing was saved; try again shortly.',
  'SERVICE_UNAVAILABLE.REGISTRY': 'The agencies registry is not reachable. Nothing was saved; try again shortly.',
  'SERVICE_UNAVAILABLE.SESSION_CHECK': 'Your session cannot be checked right now. Try again shortly.',
  'SERVICE_UNAVAILABLE.NOT_READY': 'Not ready: {missing} not available.',
  'SUBGRAPH_UNAVAILABLE.FIGURES': 'The figures cannot be generated right now; try again shortly.',
};

/** Every code's and reason's message, per language; `{param}` placeholders. */
export const ERROR_MESSAGES: Record<Lang, Record<string, string>> = { id, en };

/**
 * Labels of the API field paths that appear in messages (`{field}`), per language. A path without a
 * label is shown as it is (developers read paths; the dashboard shows labels).
 */
export const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  id: {
    title: 'Judul',
    body: 'Isi',
    topic: 'Topik',
    topics: 'Topik',
    classification: 'Klasifikasi',
    regionCode: 'Kode wilayah',
    roadId: 'Jalan',
    agencyId: 'Instansi',
    toAgencyId: 'Instansi tujuan',
    note: 'Catatan',
    reason: 'Alasan',
    comment: 'Komentar',
    detail: 'Keterangan tambahan',
    rating: 'Nilai',
    attachmentIds: 'Lampiran',
    attachmentCount: 'Jumlah lampiran',
    trackingId: 'Nomor pelacakan',
    idempotencyKey: 'Kunci idempotensi',
    expectedVersion: 'Versi',
    maladministrationType: 'Jenis maladministrasi',
    'reporter.name': 'Nama pelapor',
    'reporter.email': 'Email pelapor',
    'reporter.phone': 'Nomor ponsel pelapor',
    name: 'Nama',
    contact: 'Kontak',
    email: 'Email',
    password: 'Kata sandi',
    role: 'Peran',
    minReports: 'Jumlah laporan minimum',
    from: 'Tanggal mulai',
    to: 'Tanggal akhir',
  },
  en: {
    title: 'Title',
    body: 'Body',
    topic: 'Topic',
    topics: 'Topics',
    classification: 'Classification',
    regionCode: 'Region code',
    roadId: 'Road',
    agencyId: 'Agency',
    toAgencyId: 'Target agency',
    note: 'Note',
    reason: 'Reason',
    comment: 'Comment',
    detail: 'Additional detail',
    rating: 'Rating',
    attachmentIds: 'Attachments',
    attachmentCount: 'Number of attachments',
    trackingId: 'Tracking ID',
    idempotencyKey: 'Idempotency key',
    expectedVersion: 'Version',
    maladministrationType: 'Maladministration type',
    'reporter.name': "Reporter's name",
    'reporter.email': "Reporter's e-mail",
    'reporter.phone': "Reporter's phone",
    name: 'Name',
    contact: 'Contact',
    email: 'E-mail',
    password: 'Password',
    role: 'Role',
    minReports: 'Minimum reports',
    from: 'Start date',
    to: 'End date',
  },
};

/**
 * Labels of enum-valued parameters (report statuses, lifecycle actions, who may act, services), per
 * language. A value without a label is shown as it is.
 */
export const VALUE_LABELS: Record<Lang, Record<string, Record<string, string>>> = {
  id: {
    status: {
      SUBMITTED: 'belum terverifikasi',
      DISPOSITIONED: 'terdisposisi',
      IN_PROGRESS: 'sedang diproses',
      COMPLETED: 'selesai',
      ON_HOLD: 'tertunda',
      ARCHIVED: 'arsip',
    },
    action: {
      DISPOSITION: 'disposisi',
      HOLD: 'tunda',
      ARCHIVE: 'arsipkan',
      FORWARD: 'teruskan',
      RESPOND: 'tanggapi',
      COMPLETE: 'selesaikan',
      RATE: 'beri nilai',
      REOPEN: 'buka kembali',
      CLASSIFY: 'klasifikasikan',
      ADD_DETAIL: 'lengkapi',
    },
    allowed: {
      ADMIN: 'admin',
      CURRENT_LIAISON: 'narahubung instansi tujuan laporan',
      CURRENT_LIAISON_OR_ADMIN: 'narahubung instansi tujuan laporan atau admin',
      ADMIN_OR_OMBUDSMAN: 'admin atau ombudsman',
      REPORTER: 'pelapor (dengan nomor pelacakan)',
    },
    service: { agencies: 'instansi (agencies)', reports: 'laporan (reports)', analytics: 'analitik (analytics)' },
    missing: {
      database: 'basis data',
      registry: 'registri instansi (layanan agencies)',
      outbox: 'sumber outbox (layanan reports)',
      agencies: 'subgraf agencies',
      reports: 'subgraf reports',
      analytics: 'subgraf analytics',
    },
  },
  en: {
    status: {},
    action: {
      DISPOSITION: 'disposition',
      HOLD: 'hold',
      ARCHIVE: 'archive',
      FORWARD: 'forward',
      RESPOND: 'respond to',
      COMPLETE: 'complete',
      RATE: 'rate',
      REOPEN: 'reopen',
      CLASSIFY: 'classify',
      ADD_DETAIL: 'add detail to',
    },
    allowed: {
      ADMIN: 'an admin',
      CURRENT_LIAISON: "the liaison of the report's current agency",
      CURRENT_LIAISON_OR_ADMIN: "the liaison of the report's current agency or an admin",
      ADMIN_OR_OMBUDSMAN: 'an admin or the ombudsman',
      REPORTER: 'the reporter (with the tracking ID)',
    },
    service: {},
    missing: {},
  },
};

/** The label of an API field path in a language (the path itself when it has none). */
export function fieldLabel(lang: Lang, field: string): string {
  const labels = FIELD_LABELS[lang] ?? FIELD_LABELS.id;
  if (has(labels, field)) return labels[field];
  // a field of the mutation's `input` argument: `input.title` is the input field `title`
  if (field.startsWith('input.') && has(labels, field.slice(6))) return labels[field.slice(6)];
  // list items: `attachmentIds.2`, `attachmentIds[2]` → the list's label when it has one
  const base = field.replace(/(\[\d+\]|\.\d+)$/, '');
  return base !== field && has(labels, base) ? labels[base] : field;
}

function renderValue(lang: Lang, name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => renderValue(lang, name, v)).join(', ');
  if (name === 'field' && typeof value === 'string') return fieldLabel(lang, value);
  const s = String(value);
  const labels = VALUE_LABELS[lang]?.[name];
  return labels && has(labels, s) ? labels[s] : s;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{param}` names a message uses. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

function fill(lang: Lang, template: string, extensions: Record<string, unknown>): string | null {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    const v = extensions[name];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      missing = true;
      return '';
    }
    return renderValue(lang, name, v);
  });
  return missing ? null : text;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The catalogue key an error's extensions select: `CODE.REASON` when the catalogue has it, else `CODE`. */
export function errorKey(extensions: { code?: unknown; reason?: unknown }): string {
  const code = typeof extensions.code === 'string' && has(en, extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const reasonKey = typeof extensions.reason === 'string' ? `${code}.${extensions.reason}` : '';
  return reasonKey && has(en, reasonKey) ? reasonKey : code;
}

/**
 * The message for an error's extensions ({code, reason?, ...params}) in a language; falls back to the
 * code's general message when the reason is unknown (or a parameter it needs is missing), and to the
 * internal-error message for an unknown code.
 */
export function formatError(lang: Lang, extensions: { code?: unknown; reason?: unknown; [param: string]: unknown }): string {
  const table = ERROR_MESSAGES[lang] ?? ERROR_MESSAGES.id;
  const key = errorKey(extensions);
  const code = key.split('.')[0];
  return (
    fill(lang, table[key], extensions) ??
    fill(lang, table[code], extensions) ??
    table[code]
      .replace(PLACEHOLDER, '')
      .replace(/\(\s*\)/g, '')
      .replace(/\s+([.,:;)])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}
