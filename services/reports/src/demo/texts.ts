import type { Rng } from './prng';

/** Indonesian complaint texts for demo data: a few realistic templates per topic. {place} {district} are filled in. */
const TEMPLATES: Record<string, Array<[string, string]>> = {
  JALAN: [
    ['Jalan rusak dan berlubang di {place}', 'Jalan di {place}, Kecamatan {district}, rusak parah dan berlubang sejak beberapa bulan. Saat hujan lubang tergenang dan sudah ada pengendara motor yang jatuh. Mohon segera diperbaiki.'],
    ['Jembatan kayu di {place} lapuk', 'Jembatan penghubung di {place} papannya banyak yang lapuk dan patah. Anak sekolah setiap hari melintas, kami khawatir terjadi kecelakaan.'],
    ['Jalan poros {district} longsor sebagian', 'Badan jalan poros di sekitar {place} longsor sebagian ke arah sungai sehingga hanya bisa dilalui satu kendaraan. Belum ada rambu peringatan.'],
  ],
  DRAINASE: [
    ['Banjir setiap hujan di {place}', 'Parit di {place} tersumbat sedimen dan sampah sehingga setiap hujan deras air meluap ke rumah warga. Mohon normalisasi drainase.'],
    ['Gorong-gorong ambruk di {place}', 'Gorong-gorong di ruas jalan {place} ambruk dan menyebabkan genangan di permukiman warga Kecamatan {district}.'],
  ],
  AIR_BERSIH: [
    ['Air PDAM keruh di {place}', 'Air dari PDAM di {place} keruh dan berbau selama dua minggu terakhir. Warga terpaksa membeli air galon untuk minum dan memasak.'],
    ['Air bersih tidak mengalir di {place}', 'Sudah sepuluh hari air bersih tidak mengalir di {place}, Kecamatan {district}, tanpa pemberitahuan dari pengelola.'],
  ],
  LISTRIK: [
    ['Listrik sering padam di {place}', 'Listrik di {place} padam hampir setiap malam selama berjam-jam tanpa pemberitahuan. Usaha warga terganggu dan peralatan rusak.'],
    ['Lampu penerangan jalan mati di {place}', 'Lampu penerangan jalan umum di {place} mati sejak sebulan sehingga jalan gelap dan rawan kejahatan.'],
  ],
  KESEHATAN: [
    ['Puskesmas {district} tutup saat jam layanan', 'Puskesmas di Kecamatan {district} sering tutup pada jam layanan pagi. Warga dari {place} yang datang jauh harus pulang tanpa dilayani.'],
    ['Obat kosong di puskesmas pembantu {place}', 'Puskesmas pembantu di {place} kehabisan obat dasar selama berminggu-minggu dan pasien diminta membeli sendiri di apotek.'],
  ],
  PENDIDIKAN: [
    ['Atap ruang kelas SD di {place} bocor', 'Atap beberapa ruang kelas SD negeri di {place} bocor dan plafon hampir runtuh. Murid belajar dengan rasa takut saat hujan.'],
    ['Pungutan di sekolah di {place}', 'Orang tua murid di {place} diminta membayar pungutan untuk kegiatan sekolah tanpa rincian penggunaan yang jelas.'],
  ],
  KEPENDUDUKAN: [
    ['KTP elektronik belum jadi berbulan-bulan', 'Saya warga {place} sudah merekam KTP elektronik di Kecamatan {district} lebih dari tiga bulan lalu tetapi belum juga dicetak dengan alasan blanko habis.'],
    ['Pengurusan akta kelahiran dipersulit', 'Pengurusan akta kelahiran anak kami di {district} diminta berkas berulang-ulang dan harus bolak-balik ke kantor.'],
  ],
  PERIZINAN: [
    ['Izin usaha tidak kunjung terbit', 'Permohonan izin usaha mikro kami di {district} sudah lengkap sejak dua bulan tetapi belum terbit dan tidak ada kejelasan.'],
  ],
  LINGKUNGAN: [
    ['Sampah menumpuk di {place}', 'Tempat pembuangan sementara di {place} tidak diangkut selama dua minggu. Sampah menumpuk, berbau dan mengundang lalat.'],
    ['Limbah mencemari sungai di {place}', 'Warga {place} melihat limbah berwarna hitam mengalir ke sungai dan ikan banyak yang mati.'],
  ],
  BANTUAN_SOSIAL: [
    ['Bantuan sosial tidak tepat sasaran di {place}', 'Beberapa keluarga mampu di {place} menerima bantuan sosial sementara warga lansia yang tidak mampu tidak terdata.'],
    ['Bantuan sembako belum diterima', 'Keluarga kami di {place} terdaftar sebagai penerima bantuan sembako tetapi sudah tiga bulan tidak menerima.'],
  ],
  DANA_DESA: [
    ['Penggunaan dana desa {place} tidak transparan', 'Warga {place} tidak pernah mendapat informasi penggunaan dana desa tahun ini dan papan informasi APBDes tidak dipasang.'],
  ],
  TRANSPORTASI: [
    ['Dermaga penyeberangan di {place} rusak', 'Dermaga penyeberangan di {place} rusak sehingga penumpang harus melompat dari perahu. Mohon diperbaiki sebelum ada korban.'],
  ],
  ADMINISTRASI_DESA: [
    ['Kantor desa {place} sering tutup', 'Kantor desa {place} sering tutup pada jam kerja sehingga warga kesulitan mengurus surat pengantar.'],
  ],
  INFORMASI_PUBLIK: [
    ['Permintaan informasi anggaran {district}', 'Saya meminta informasi rincian anggaran perbaikan jalan di Kecamatan {district} tahun ini sebagai warga {place}.'],
  ],
  PERTANIAN: [
    ['Pupuk bersubsidi langka di {place}', 'Petani di {place} kesulitan mendapatkan pupuk bersubsidi menjelang musim tanam dan harga di kios melebihi HET.'],
  ],
};

const GENERIC: Array<[string, string]> = [
  ['Keluhan pelayanan publik di {place}', 'Warga {place}, Kecamatan {district}, mengeluhkan pelayanan yang lambat dan tidak jelas prosedurnya. Mohon ditindaklanjuti.'],
];

const FIRST = ['Budi', 'Siti', 'Ahmad', 'Nur', 'Rahmat', 'Dewi', 'Hendra', 'Wahyuni', 'Andi', 'Sri', 'Yusuf', 'Rina', 'Agus', 'Fitri', 'Joko', 'Lestari', 'Syahrani', 'Aji', 'Mahmud', 'Aisyah'];
const LAST = ['Santoso', 'Rahman', 'Hidayat', 'Saputra', 'Wati', 'Kurniawan', 'Aminah', 'Setiawan', 'Pratama', 'Nurhayati', 'Daeng', 'Sulaiman'];

export const RESPONSES = [
  'Terima kasih atas laporan Anda. Tim kami telah meninjau lokasi dan mencatat kondisi di lapangan.',
  'Laporan telah kami terima dan diteruskan ke bidang teknis untuk dijadwalkan penanganannya.',
  'Petugas telah melakukan pengecekan dan perbaikan sementara. Penanganan permanen masuk rencana anggaran berikutnya.',
  'Kami mohon maaf atas ketidaknyamanan ini. Permasalahan sudah ditangani dan dokumentasi terlampir.',
  'Tindak lanjut telah dilakukan bersama pemerintah kecamatan. Mohon informasi jika masih ditemukan kendala.',
];

export const FORWARD_REASONS = [
  'Bukan kewenangan instansi kami; sesuai tupoksi laporan diteruskan ke instansi yang berwenang.',
  'Aset yang dilaporkan bukan milik instansi kami. Diteruskan ke pemilik aset.',
];

export const ARCHIVE_REASONS = [
  'Laporan tidak memuat informasi yang cukup untuk ditindaklanjuti.',
  'Laporan duplikat dari laporan sebelumnya.',
  'Pelapor tidak melengkapi data yang diminta dalam batas waktu.',
];

/** What reporters add when a report is held for more detail. */
export const DETAIL_TEXTS = [
  'Lokasi persisnya sekitar 200 meter dari balai desa, di sisi kiri jalan arah kecamatan. Foto terbaru saya lampirkan.',
  'Kejadian terakhir saya lihat Senin pagi sekitar pukul 07.00. Terlampir foto kondisi di lokasi.',
  'Sudah saya sampaikan ke kepala desa bulan lalu tetapi belum ada tindak lanjut. Foto lokasi terlampir.',
];

export const REOPEN_REASONS = ['Masalah muncul kembali setelah perbaikan.', 'Perbaikan belum tuntas sesuai yang dilaporkan.'];

function fill(s: string, place: string, district: string): string {
  return s.replaceAll('{place}', place).replaceAll('{district}', district);
}

export function complaintText(rng: Rng, topic: string, place: string, district: string): { title: string; body: string } {
  const [title, body] = rng.pick(TEMPLATES[topic] ?? GENERIC);
  return { title: fill(title, place, district).slice(0, 200), body: fill(body, place, district) };
}

export function reporterIdentity(rng: Rng): { name: string; email: string | null; phone: string | null } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const email = rng.chance(0.6) ? `${first}.${last}${rng.int(1, 99)}@example.id`.toLowerCase() : null;
  const phone = rng.chance(0.8) ? `+628${rng.int(11, 59)}${String(rng.int(0, 99999999)).padStart(8, '0')}` : null;
  return { name: `${first} ${last}`, email, phone };
}
