// Name pools for synthetic delegates. Real-world variety on purpose: diacritics, hyphens, apostrophes,
// particles, Vietnamese tone marks, and Japanese names with variant kanji (髙, 﨑, 邊) and their kana readings.

export interface EuRegion {
  country: string;
  region: string;
  clusters: string[];
  family: string[];
  given: string[];
  domain: string;
}

export const EU_REGIONS: EuRegion[] = [
  { country: 'France', region: 'Grand Est', clusters: ['Biovalley France', 'Pôle Fibres-Energivie', 'Région Grand Est', 'Eurométropole de Strasbourg'], family: ['Lefèvre', 'Müller', 'Schœnberger', 'Dupré', 'Girard', 'Fischer', 'Béranger', "D'Alembert"], given: ['Amélie', 'François', 'Hélène', 'Jérôme', 'Cécile', 'Loïc', 'Gaëlle', 'Noël'], domain: 'grandest.example.fr' },
  { country: 'Germany', region: 'Baden-Württemberg', clusters: ['BIOPRO Baden-Württemberg', 'Cluster Elektromobilität Süd-West', 'Wirtschaftsförderung Region Stuttgart'], family: ['Müller', 'Schäfer', 'Großmann', 'Weiß', 'Köhler', 'Bräuer', 'Hoffmann', 'Jäger'], given: ['Jürgen', 'Sören', 'Käthe', 'Björn', 'Günther', 'Lena', 'Jörg', 'Anneliese'], domain: 'bw-cluster.example.de' },
  { country: 'Poland', region: 'Mazowieckie', clusters: ['Mazovia Cluster ICT', 'Warsaw Biotech Hub'], family: ['Łukasiewicz', 'Wiśniewska', 'Żółkiewski', 'Kowalczyk', 'Dąbrowska', 'Szczęsny', 'Nowak'], given: ['Małgorzata', 'Paweł', 'Zofia', 'Łukasz', 'Agnieszka', 'Wojciech', 'Ścibor'], domain: 'mazovia.example.pl' },
  { country: 'Ireland', region: 'Southern Region', clusters: ['Enterprise Ireland Cork', 'Irish AgriFood Cluster'], family: ['Ó Briain', 'Ní Bhriain', "O'Sullivan", 'Mac Giolla Phádraig', 'Ó Conchúir', 'Fitzgerald'], given: ['Siobhán', 'Seán', 'Aoife', 'Pádraig', 'Niamh', 'Eoghan'], domain: 'southern.example.ie' },
  { country: 'Sweden', region: 'Skåne', clusters: ['Medicon Village', 'Sustainable Business Hub'], family: ['Lindqvist', 'Åkesson', 'Söderberg', 'Öberg', 'Lindström', 'Ekström'], given: ['Åsa', 'Björn', 'Linnéa', 'Örjan', 'Maja', 'Håkan'], domain: 'skane.example.se' },
  { country: 'Spain', region: 'Catalonia', clusters: ['CataloniaBio & HealthTech', 'Clúster Digital de Catalunya', 'ACCIÓ'], family: ['García Núñez', 'Peñalver', 'Martínez i Puig', 'Ibáñez', 'Muñoz', 'Castellví'], given: ['María José', 'Jordi', 'Núria', 'Iñaki', 'Montserrat', 'Àlex'], domain: 'catalonia.example.es' },
  { country: 'Italy', region: 'Lombardia', clusters: ['Cluster Lombardo Scienze della Vita', 'Cluster Agrifood Nazionale'], family: ['Rossi', 'Bianchi', "Dell'Acqua", 'Ferrè', 'Colombo', 'Galli'], given: ['Niccolò', 'Giulia', 'Lucìa', 'Matteo', 'Francesca', 'Tommaso'], domain: 'lombardia.example.it' },
  { country: 'Belgium', region: 'Flanders', clusters: ['Flanders Food', 'VITO', 'Catalisti'], family: ['Van den Broeck', 'De Smet', 'Peeters', 'Janssens', 'Vandevelde'], given: ['Joëlle', 'Pieter', 'Els', 'Wouter', 'Anouk'], domain: 'flanders.example.be' },
  { country: 'Czechia', region: 'South Moravia', clusters: ['JIC Brno', 'Czech Biotech Cluster'], family: ['Dvořák', 'Nováková', 'Černý', 'Procházka', 'Kučera', 'Růžička'], given: ['Jiří', 'Tereza', 'Ondřej', 'Barbora', 'Tomáš', 'Kateřina'], domain: 'jmk.example.cz' },
  { country: 'Portugal', region: 'Norte', clusters: ['Health Cluster Portugal', 'PRODUTECH'], family: ['Gonçalves', 'Simões', 'Conceição', 'Magalhães', 'Araújo'], given: ['João', 'Inês', 'Luís', 'Conceição', 'Gonçalo'], domain: 'norte.example.pt' },
];

export interface JpName {
  kanji: string;
  kana: string;
}

export const JP_FAMILY: JpName[] = [
  { kanji: '髙橋', kana: 'タカハシ' }, { kanji: '山﨑', kana: 'ヤマザキ' }, { kanji: '佐藤', kana: 'サトウ' }, { kanji: '鈴木', kana: 'スズキ' },
  { kanji: '田中', kana: 'タナカ' }, { kanji: '伊藤', kana: 'イトウ' }, { kanji: '渡邊', kana: 'ワタナベ' }, { kanji: '近藤', kana: 'コンドウ' },
  { kanji: '大野', kana: 'オオノ' }, { kanji: '齋藤', kana: 'サイトウ' }, { kanji: '中村', kana: 'ナカムラ' }, { kanji: '小林', kana: 'コバヤシ' },
  { kanji: '加藤', kana: 'カトウ' }, { kanji: '吉田', kana: 'ヨシダ' }, { kanji: '山本', kana: 'ヤマモト' }, { kanji: '松本', kana: 'マツモト' },
  { kanji: '井上', kana: 'イノウエ' }, { kanji: '木村', kana: 'キムラ' }, { kanji: '林', kana: 'ハヤシ' }, { kanji: '清水', kana: 'シミズ' },
  { kanji: '菅原', kana: 'スガワラ' }, { kanji: '千葉', kana: 'チバ' }, { kanji: '長谷川', kana: 'ハセガワ' }, { kanji: '後藤', kana: 'ゴトウ' },
];

export const JP_GIVEN: JpName[] = [
  { kanji: '美咲', kana: 'ミサキ' }, { kanji: '健太', kana: 'ケンタ' }, { kanji: '翔太', kana: 'ショウタ' }, { kanji: '陽子', kana: 'ヨウコ' },
  { kanji: '大輔', kana: 'ダイスケ' }, { kanji: '由美', kana: 'ユミ' }, { kanji: '誠', kana: 'マコト' }, { kanji: '直樹', kana: 'ナオキ' },
  { kanji: '恵子', kana: 'ケイコ' }, { kanji: '浩二', kana: 'コウジ' }, { kanji: '真由美', kana: 'マユミ' }, { kanji: '拓也', kana: 'タクヤ' },
  { kanji: '愛', kana: 'アイ' }, { kanji: '優子', kana: 'ユウコ' }, { kanji: '隆', kana: 'タカシ' }, { kanji: '智子', kana: 'トモコ' },
  { kanji: '亮', kana: 'リョウ' }, { kanji: '純一郎', kana: 'ジュンイチロウ' },
];

export interface JpPrefecture {
  prefecture: string;
  prefectureJa: string;
  organisations: string[];
  domain: string;
}

export const JP_PREFECTURES: JpPrefecture[] = [
  { prefecture: 'Iwate', prefectureJa: '岩手県', organisations: ['岩手県庁 商工労働観光部', 'いわて産業振興センター', '岩手県立大学'], domain: 'iwate.example.jp' },
  { prefecture: 'Gifu', prefectureJa: '岐阜県', organisations: ['岐阜県庁 商工労働部', '岐阜県産業経済振興センター', 'ソフトピアジャパン'], domain: 'gifu.example.jp' },
  { prefecture: 'Aichi', prefectureJa: '愛知県', organisations: ['あいち産業科学技術総合センター', '中部経済産業局'], domain: 'aichi.example.jp' },
  { prefecture: 'Osaka', prefectureJa: '大阪府', organisations: ['大阪商工会議所', '関西バイオ医療研究会'], domain: 'osaka.example.jp' },
  { prefecture: 'Fukuoka', prefectureJa: '福岡県', organisations: ['福岡県庁 商工部', '福岡水素エネルギー戦略会議'], domain: 'fukuoka.example.jp' },
  { prefecture: 'Hokkaido', prefectureJa: '北海道', organisations: ['北海道経済部', 'ノーステック財団'], domain: 'hokkaido.example.jp' },
  { prefecture: 'Kyoto', prefectureJa: '京都府', organisations: ['京都産業21', '京都リサーチパーク'], domain: 'kyoto.example.jp' },
  { prefecture: 'Miyagi', prefectureJa: '宮城県', organisations: ['みやぎ工業会', '東北大学 産学連携機構'], domain: 'miyagi.example.jp' },
];

export const JP_NATIONAL_ORGS = ['経済産業省 (METI)', '日本貿易振興機構 (JETRO)', '外務省 (MOFA)', '日欧産業協力センター', '国際協力機構 (JICA)'];

export interface GuestCountry {
  country: string;
  region: string;
  people: [string, string][]; // [family, given]
  organisations: string[];
  domain: string;
}

export const ASEAN: GuestCountry[] = [
  { country: 'Viet Nam', region: 'Hà Nội', people: [['Nguyễn', 'Thị Hương'], ['Trần', 'Văn Minh'], ['Lê', 'Thị Lan'], ['Phạm', 'Quốc Bảo'], ['Đặng', 'Thu Trang'], ['Võ', 'Đức Thắng']], organisations: ['Hanoi Department of Industry and Trade', 'Saigon Hi-Tech Park'], domain: 'vn.example.vn' },
  { country: 'Thailand', region: 'Bangkok', people: [['Wongsakul', 'Somchai'], ['Chaiyaporn', 'Nattaya'], ['Srisuk', 'Kittipong']], organisations: ['Board of Investment of Thailand', 'Eastern Economic Corridor Office'], domain: 'th.example.th' },
  { country: 'Indonesia', region: 'West Java', people: [['Rahayu', 'Siti'], ['Santoso', 'Budi'], ['Wijaya', 'Dewi']], organisations: ['Bandung Techno Park', 'BKPM Investment Board'], domain: 'id.example.id' },
  { country: 'Malaysia', region: 'Penang', people: [['Tan', 'Mei Ling'], ['bin Abdullah', 'Ahmad Faiz'], ['Raj', 'Priya']], organisations: ['InvestPenang', 'Malaysian Biotechnology Corporation'], domain: 'my.example.my' },
  { country: 'Philippines', region: 'Calabarzon', people: [['Dela Cruz', 'Maria Luz'], ['Santos', 'José Miguel']], organisations: ['Philippine Economic Zone Authority'], domain: 'ph.example.ph' },
];

export const AFRICA: GuestCountry[] = [
  { country: 'Ghana', region: 'Greater Accra', people: [['Mensah', 'Kwame'], ['Owusu', 'Ama'], ['Boateng', 'Kofi']], organisations: ['Ghana Investment Promotion Centre', 'Accra Digital Centre'], domain: 'gh.example.gh' },
  { country: 'Kenya', region: 'Nairobi', people: [['Kamau', 'Wanjiru'], ['Otieno', 'Brian'], ['Mwangi', 'Grace']], organisations: ['Konza Technopolis', 'Kenya Investment Authority'], domain: 'ke.example.ke' },
  { country: 'Senegal', region: 'Dakar', people: [['Diop', 'Aminata'], ['Ndiaye', 'Moussa'], ['Sène', 'Fatou']], organisations: ['APIX Sénégal', 'Pôle Urbain de Diamniadio'], domain: 'sn.example.sn' },
  { country: 'Morocco', region: 'Casablanca-Settat', people: [['El Amrani', 'Youssef'], ['Benali', 'Salma']], organisations: ['Cluster Solaire', 'AMDIE'], domain: 'ma.example.ma' },
  { country: 'South Africa', region: 'Western Cape', people: [['Nkosi', 'Thandiwe'], ['van der Merwe', 'Pieter']], organisations: ['Wesgro', 'Cape Innovation and Technology Initiative'], domain: 'za.example.za' },
  { country: 'Nigeria', region: 'Lagos', people: [['Okafor', 'Chukwuemeka'], ['Adeyemi', 'Folake']], organisations: ['Lagos State Ministry of Commerce', 'Nigerian Investment Promotion Commission'], domain: 'ng.example.ng' },
];
