/**
 * Pakistan's demo pack: English names with Urdu alternate names. Phone numbers: +92 0…: 0 is
 * Pakistan's trunk prefix and no national number begins with it.
 */
import { ALL, SHELTER_POPULATIONS, categoryCounts } from './demoPack';
import type { DemoPack } from './demoPack';

const HOURS = ['Mon–Fri 9:00–17:00', 'Mon–Sat 8:00–14:00'];
const ALWAYS = '24 hours, every day';

/** Towns checked inside their province's Natural Earth polygon (demoPacks.test.ts). */
// prettier-ignore
const REGIONS: DemoPack['regions'] = [
  { code: 'PK-IS', services: 8, languages: ['pa', 'ps'], towns: [[['Islamabad', 'اسلام آباد'], 33.69, 73.05]] },
  { code: 'PK-PB', services: 14, languages: ['pa', 'skr'],
    towns: [[['Lahore', 'لاہور'], 31.55, 74.34], [['Faisalabad', 'فیصل آباد'], 31.42, 73.08],
      [['Multan', 'ملتان'], 30.2, 71.47], [['Gujranwala', 'گوجرانوالہ'], 32.16, 74.19]] },
  { code: 'PK-SD', services: 10, languages: ['sd'],
    towns: [[['Karachi', 'کراچی'], 24.9, 67.08], [['Hyderabad', 'حیدرآباد'], 25.39, 68.37],
      [['Sukkur', 'سکھر'], 27.71, 68.86]] },
  { code: 'PK-KP', services: 9, languages: ['ps'],
    towns: [[['Peshawar', 'پشاور'], 34.01, 71.58], [['Mardan', 'مردان'], 34.2, 72.04],
      [['Abbottabad', 'ایبٹ آباد'], 34.15, 73.21]] },
  { code: 'PK-BA', services: 5, languages: ['bal', 'brh', 'ps'],
    towns: [[['Quetta', 'کوئٹہ'], 30.18, 67], [['Turbat', 'تربت'], 26, 63.05]] },
  { code: 'PK-GB', services: 2, languages: ['en'], towns: [[['Gilgit', 'گلگت'], 35.92, 74.31]] },
  { code: 'PK-JK', services: 3, languages: ['pa'],
    towns: [[['Muzaffarabad', 'مظفرآباد'], 34.37, 73.47], [['Mirpur', 'میرپور'], 33.15, 73.75]] },
];

export const PAKISTAN: DemoPack = {
  country: 'PK',
  marker: 'Fictional demonstration data.',
  orgDescription: 'An organisation invented to show the directory; it does not exist.',
  regions: REGIONS,
  categoryCounts: categoryCounts(51),
  categories: {
    shelter: {
      names: [
        ['{N} Shelter Home', '{N} دارالامان'],
        ['{N} Women and Children Shelter', '{N} پناہ گاہ برائے خواتین و بچے'],
      ],
      text: 'Safe temporary shelter, meals, and accompaniment to health care and legal aid.',
      populations: SHELTER_POPULATIONS,
      methods: ['phone'],
      delay: [1, 24],
      hours: [ALWAYS],
    },
    medical: {
      names: [['{N} Health Centre', '{N} مرکز صحت']],
      text: 'Consultations, emergency care, reproductive health; medico-legal certificates on request.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'phone'],
      delay: [0, 24],
      hours: [`Emergency ${ALWAYS}`, ...HOURS],
    },
    psychosocial: {
      names: [['{N} Psychosocial Support', '{N} نفسیاتی و سماجی معاونت']],
      text: 'Listening, individual and group psychological support, family mediation.',
      populations: [ALL, ['women', 'girls']],
      methods: ['phone', 'in_person'],
      delay: [24, 72],
      hours: HOURS,
    },
    legal_aid: {
      names: [['{N} Legal Aid', '{N} قانونی امداد']],
      text: 'Legal information, help filing complaints, representation in court.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'letter', 'email'],
      delay: [24, 120],
      hours: HOURS,
    },
    social_services: {
      names: [['{N} Social Welfare Office', '{N} سماجی بہبود دفتر']],
      text: 'Needs assessment, emergency social assistance and reintegration.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['letter', 'in_person'],
      delay: [48, 168],
      hours: HOURS,
    },
    law_enforcement: {
      names: [['{N} Anti-Human Trafficking Desk', '{N} انسداد انسانی اسمگلنگ ڈیسک']],
      text: 'Police focal point for identifying victims and receiving complaints.',
      populations: [ALL],
      methods: ['in_person', 'phone'],
      delay: [0, 12],
      hours: [ALWAYS],
    },
    hotline: {
      names: [['{N} National Helpline', '{N} قومی ہیلپ لائن']],
      text: 'Free listening line and referral to the services of the national referral mechanism.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['hotline'],
      delay: [0, 0],
      hours: [ALWAYS],
    },
    repatriation: {
      names: [['{N} Return and Reintegration', '{N} واپسی و بحالی']],
      text: 'Reception of returning migrants, assisted voluntary return and reintegration.',
      populations: [[...ALL, 'families']],
      methods: ['email', 'letter'],
      delay: [72, 336],
      hours: HOURS,
    },
    labour_inspection: {
      names: [['{N} Labour Inspection', '{N} لیبر انسپکشن']],
      text: 'Inspection of working conditions; reports of forced and bonded labour.',
      populations: [['women', 'men'], ALL],
      methods: ['letter'],
      delay: [72, 240],
      hours: HOURS,
    },
    child_protection: {
      names: [['{N} Child Protection Unit', '{N} تحفظ اطفال یونٹ']],
      text: 'Care of child victims, family tracing and temporary placement.',
      populations: [['girls', 'boys'], ['girls'], ['boys']],
      methods: ['phone', 'in_person'],
      delay: [2, 48],
      hours: HOURS,
    },
  },
  // prettier-ignore
  networks: {
    protection: { name: ['Umeed Network for Survivors', 'امید نیٹ ورک'], token: ['Umeed', 'امید'], share: 0.3 },
    health: { name: ['Ufaq Health Federation', 'افق ہیلتھ فیڈریشن'], token: ['Ufaq', 'افق'], share: 0.3 },
    legal: { name: ['Insaf Legal Aid Society', 'انصاف لیگل ایڈ سوسائٹی'], token: ['Insaf', 'انصاف'], share: 0.35 },
    social: { name: ['Chinar Social Welfare Trust', 'چنار سوشل ویلفیئر ٹرسٹ'], token: ['Chinar', 'چنار'], share: 0.35 },
    police: { name: ['Fakhta Anti-Trafficking Cell', 'فاختہ سیل'], token: ['Fakhta', 'فاختہ'], share: 0.5 },
    labour: { name: ['Sheesham Labour Inspectorate', 'شیشم لیبر انسپکٹوریٹ'], token: ['Sheesham', 'شیشم'], share: 0.5 },
    migration: { name: ['Sahar Return Programme', 'سحر پروگرام'], token: ['Sahar', 'سحر'], share: 0.6 },
    hotline: { name: ['Sitara Helpline', 'ستارہ ہیلپ لائن'], token: ['Sitara', 'ستارہ'], share: 1 },
  },
  localOrgNames: {
    protection: [['{N} Women and Child Protection Society', '{N} تحفظ خواتین و اطفال سوسائٹی']],
    health: [['{N} Medical Centre', '{N} میڈیکل سینٹر']],
    legal: [['{N} Lawyers Collective', '{N} وکلا کلیکٹو']],
    social: [['{N} Family Welfare Society', '{N} فیملی ویلفیئر سوسائٹی']],
    police: [['{N} Police Station', '{N} تھانہ']],
    labour: [['{N} Labour Office', '{N} لیبر آفس']],
    migration: [['{N} Returnees Association', '{N} ایسوسی ایشن']],
    hotline: [['{N} Line', '{N} لائن']],
  },
  /** Invented names; none is a known organisation's. */
  // prettier-ignore
  tokens: [
    ['Roshni', 'روشنی'], ['Noor', 'نور'], ['Bahar', 'بہار'], ['Jugnu', 'جگنو'], ['Khushbu', 'خوشبو'],
    ['Saya', 'سایہ'], ['Minar', 'مینار'], ['Dhanak', 'دھنک'], ['Sehra', 'صحرا'], ['Darya', 'دریا'],
    ['Chiragh', 'چراغ'], ['Gulshan', 'گلشن'], ['Kinara', 'کنارہ'], ['Sukoon', 'سکون'], ['Hamdard', 'ہمدرد'],
    ['Rahbar', 'رہبر'], ['Safar', 'سفر'], ['Badal', 'بادل'], ['Neem', 'نیم'], ['Tara', 'تارا'],
  ],
  firstNames: ['Ayesha', 'Fatima', 'Sana', 'Zainab', 'Imran', 'Bilal', 'Nadia', 'Usman'],
  lastNames: ['Khan', 'Ahmed', 'Qureshi', 'Baloch', 'Shah', 'Malik', 'Memon', 'Yousafzai'],
  titles: ['Coordinator', 'Focal point', 'Social worker', 'Legal officer', 'Nurse'],
  verifiers: ['Provincial focal point (demo)', 'NRM secretariat (demo)'],
  baseLanguages: ['en', 'ur'],
  placeSuffix: (town) => `, ${town}`,
  street: (n, door) => `Street ${n}, House ${door}`,
  phone: (d) => `+92 0${d()} ${d()} ${d()} ${d()}`,
  feesDescription: 'Free on referral by the mechanism; specialised tests are paid.',
  permanence: 'On call',
  siteN: (n) => `, site ${n}`,
};
