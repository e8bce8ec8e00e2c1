/**
 * Saudi Arabia's and Bahrain's demo packs: Arabic names with English alternate names.
 * Phone numbers: +966 0… and +973 0…: in Saudi Arabia 0 is the trunk prefix and no national
 * number begins with it; Bahrain's closed eight-digit plan assigns no number beginning with 0.
 */
import { ALL, SHELTER_POPULATIONS, categoryCounts } from './demoPack';
import type { DemoPack } from './demoPack';

const HOURS = ['الأحد–الخميس 8:00–15:00', 'الأحد–الخميس 7:30–14:30'];
const ALWAYS = '24 ساعة، طوال أيام الأسبوع';

type GulfCommon = Omit<DemoPack, 'country' | 'regions' | 'categoryCounts' | 'phone'>;

const COMMON: GulfCommon = {
  marker: 'بيانات وهمية للعرض التوضيحي.',
  orgDescription: 'جهة مُتخيَّلة لعرض الدليل، لا وجود لها. Fictional organisation.',
  categories: {
    shelter: {
      names: [
        ['دار إيواء {N}', '{N} Shelter'],
        ['مركز إيواء {N}', '{N} Shelter Centre'],
      ],
      text: 'إيواء مؤقت آمن، ووجبات، ومرافقة إلى الرعاية الصحية والمساعدة القانونية.',
      populations: SHELTER_POPULATIONS,
      methods: ['phone'],
      delay: [1, 24],
      hours: [ALWAYS],
    },
    medical: {
      names: [
        ['مركز {N} الصحي', '{N} Health Centre'],
        ['عيادة {N}', '{N} Clinic'],
      ],
      text: 'استشارات طبية، وطوارئ، وصحة إنجابية، وتقارير طبية عند الطلب.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'phone'],
      delay: [0, 24],
      hours: [`الطوارئ ${ALWAYS}`, ...HOURS],
    },
    psychosocial: {
      names: [['الدعم النفسي والاجتماعي {N}', '{N} Psychosocial Support']],
      text: 'استماع، ودعم نفسي فردي وجماعي، ووساطة أسرية.',
      populations: [ALL, ['women', 'girls']],
      methods: ['phone', 'in_person'],
      delay: [24, 72],
      hours: HOURS,
    },
    legal_aid: {
      names: [['المساعدة القانونية {N}', '{N} Legal Aid']],
      text: 'معلومات قانونية، ومرافقة في تقديم البلاغات، وتمثيل أمام المحاكم.',
      populations: [ALL, ['women', 'girls']],
      methods: ['in_person', 'letter', 'email'],
      delay: [24, 120],
      hours: HOURS,
    },
    social_services: {
      names: [['الخدمات الاجتماعية {N}', '{N} Social Services']],
      text: 'تقييم الاحتياجات، ومساعدة اجتماعية عاجلة، وإعادة إدماج.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['letter', 'in_person'],
      delay: [48, 168],
      hours: HOURS,
    },
    law_enforcement: {
      names: [['وحدة مكافحة الاتجار بالأشخاص {N}', '{N} Anti-Trafficking Unit']],
      text: 'نقطة اتصال شرطية لتحديد الضحايا وتلقي البلاغات.',
      populations: [ALL],
      methods: ['in_person', 'phone'],
      delay: [0, 12],
      hours: [ALWAYS],
    },
    hotline: {
      names: [['الخط الساخن الوطني {N}', '{N} National Hotline']],
      text: 'خط مجاني للاستماع والإحالة إلى خدمات الآلية الوطنية للإحالة.',
      populations: [[...ALL, 'families', 'persons_with_disabilities']],
      methods: ['hotline'],
      delay: [0, 0],
      hours: [ALWAYS],
    },
    repatriation: {
      names: [['العودة الطوعية {N}', '{N} Voluntary Return']],
      text: 'استقبال المهاجرين، والعودة الطوعية المساعَدة، والمساعدة على إعادة الإدماج.',
      populations: [[...ALL, 'families']],
      methods: ['email', 'letter'],
      delay: [72, 336],
      hours: HOURS,
    },
    labour_inspection: {
      names: [['التفتيش العمالي {N}', '{N} Labour Inspection']],
      text: 'مراقبة ظروف العمل والإبلاغ عن العمل القسري وعبودية العمالة المنزلية.',
      populations: [['women', 'men'], ALL],
      methods: ['letter'],
      delay: [72, 240],
      hours: HOURS,
    },
    child_protection: {
      names: [['حماية الطفل {N}', '{N} Child Protection']],
      text: 'رعاية الأطفال الضحايا، والبحث عن الأسرة، والإيواء المؤقت.',
      populations: [['girls', 'boys'], ['girls'], ['boys']],
      methods: ['phone', 'in_person'],
      delay: [2, 48],
      hours: HOURS,
    },
  },
  networks: {
    protection: {
      name: ['شبكة الأمل لحماية الضحايا', 'Al Amal Victim Protection Network'],
      token: ['الأمل', 'Al Amal'],
      share: 0.3,
    },
    health: {
      name: ['اتحاد الأفق الصحي', 'Al Ufuq Health Federation'],
      token: ['الأفق', 'Al Ufuq'],
      share: 0.3,
    },
    legal: {
      name: ['جمعية العدالة للمساعدة القانونية', 'Al Adala Legal Aid Society'],
      token: ['العدالة', 'Al Adala'],
      share: 0.35,
    },
    social: {
      name: ['مؤسسة النخلة للعمل الاجتماعي', 'Al Nakhla Social Foundation'],
      token: ['النخلة', 'Al Nakhla'],
      share: 0.35,
    },
    police: {
      name: ['وحدة الحمامة لمكافحة الاتجار', 'Al Hamama Anti-Trafficking Unit'],
      token: ['الحمامة', 'Al Hamama'],
      share: 0.5,
    },
    labour: {
      name: ['تفتيش السدرة العمالي', 'Al Sidra Labour Inspection'],
      token: ['السدرة', 'Al Sidra'],
      share: 0.5,
    },
    migration: {
      name: ['برنامج الفجر للعودة', 'Al Fajr Return Programme'],
      token: ['الفجر', 'Al Fajr'],
      share: 0.6,
    },
    hotline: {
      name: ['الخط الساخن النجمة', 'Al Najma Hotline'],
      token: ['النجمة', 'Al Najma'],
      share: 1,
    },
  },
  localOrgNames: {
    protection: [['جمعية {N} لحماية المرأة والطفل', '{N} Society for Women and Children']],
    health: [['المركز الطبي {N}', '{N} Medical Centre']],
    legal: [['مكتب {N} للمحاماة التطوعية', '{N} Pro Bono Lawyers']],
    social: [['جمعية {N} للأسرة', '{N} Family Society']],
    police: [['مركز شرطة {N}', '{N} Police Station']],
    labour: [['مكتب {N} للعمل', '{N} Labour Office']],
    migration: [['جمعية {N} للمهاجرين', '{N} Migrants Society']],
    hotline: [['خط {N}', '{N} Line']],
  },
  /** Invented names; none is a known organisation's. */
  // prettier-ignore
  tokens: [
    ['النور', 'Al Noor'], ['الواحة', 'Al Waha'], ['الغدير', 'Al Ghadeer'], ['الياسمين', 'Al Yasmin'],
    ['البشرى', 'Al Bushra'], ['المنارة', 'Al Manara'], ['السنبلة', 'Al Sunbula'], ['الريحان', 'Al Rayhan'],
    ['اللؤلؤة', 'Al Lulua'], ['الندى', 'Al Nada'], ['الرحمة', 'Al Rahma'], ['الوفاء', 'Al Wafa'],
    ['البوصلة', 'Al Bawsala'], ['الشروق', 'Al Shurooq'], ['الغيمة', 'Al Ghayma'], ['الفنار', 'Al Fanar'],
    ['السلام', 'Al Salam'], ['الأمان', 'Al Aman'], ['الضياء', 'Al Diya'], ['الربيع', 'Al Rabee'],
  ],
  firstNames: ['نورة', 'فاطمة', 'مريم', 'سارة', 'عبدالله', 'خالد', 'هند', 'يوسف'],
  lastNames: [
    'العتيبي',
    'القحطاني',
    'الشمري',
    'الدوسري',
    'البلوشي',
    'الكعبي',
    'الحربي',
    'الزهراني',
  ],
  titles: ['منسقة', 'نقطة اتصال', 'أخصائي اجتماعي', 'مستشارة قانونية', 'ممرضة'],
  verifiers: ['نقطة الاتصال الإقليمية (عرض)', 'أمانة الآلية الوطنية للإحالة (عرض)'],
  baseLanguages: ['ar', 'en'],
  placeSuffix: (town) => ` – ${town}`,
  street: (n, door) => `طريق ${n}، مبنى ${door}`,
  feesDescription: 'مجاني عند الإحالة من الآلية؛ الفحوص المتخصصة بأجر.',
  permanence: 'مناوبة',
  siteN: (n) => `، الفرع ${n}`,
};

/** Towns checked inside their region's Natural Earth polygon (demoPacks.test.ts). */
// prettier-ignore
export const SAUDI_ARABIA: DemoPack = {
  ...COMMON,
  country: 'SA',
  categoryCounts: categoryCounts(40),
  phone: (d) => `+966 0${d()} ${d()} ${d()}`,
  regions: [
    { code: 'SA-01', services: 8, languages: ['ur', 'tl', 'bn'],
      towns: [[['الرياض', 'Riyadh'], 24.71, 46.68], [['الخرج', 'Al Kharj'], 24.15, 47.31]] },
    { code: 'SA-02', services: 7, languages: ['ur', 'id', 'bn'],
      towns: [[['جدة', 'Jeddah'], 21.5, 39.22], [['مكة المكرمة', 'Makkah'], 21.42, 39.83], [['الطائف', 'Taif'], 21.27, 40.42]] },
    { code: 'SA-03', services: 3, languages: ['ur', 'id'], towns: [[['المدينة المنورة', 'Madinah'], 24.47, 39.61]] },
    { code: 'SA-04', services: 6, languages: ['ur', 'tl', 'hi'],
      towns: [[['الدمام', 'Dammam'], 26.4, 50.05], [['الهفوف', 'Al Hofuf'], 25.38, 49.59]] },
    { code: 'SA-05', services: 2, languages: ['ur'], towns: [[['بريدة', 'Buraydah'], 26.33, 43.97]] },
    { code: 'SA-06', services: 2, languages: ['ur'], towns: [[['حائل', "Ha'il"], 27.52, 41.69]] },
    { code: 'SA-07', services: 2, languages: ['ur'], towns: [[['تبوك', 'Tabuk'], 28.38, 36.57]] },
    { code: 'SA-08', services: 1, languages: ['ur'], towns: [[['عرعر', 'Arar'], 30.98, 41.04]] },
    { code: 'SA-09', services: 2, languages: ['am', 'ur'], towns: [[['صبيا', 'Sabya'], 17.15, 42.63]] },
    { code: 'SA-10', services: 1, languages: ['am'], towns: [[['نجران', 'Najran'], 17.49, 44.13]] },
    { code: 'SA-11', services: 1, languages: ['ur'], towns: [[['الباحة', 'Al Bahah'], 20.01, 41.47]] },
    { code: 'SA-12', services: 1, languages: ['ur'], towns: [[['سكاكا', 'Sakakah'], 29.97, 40.21]] },
    { code: 'SA-14', services: 4, languages: ['am', 'ur'],
      towns: [[['أبها', 'Abha'], 18.22, 42.51], [['خميس مشيط', 'Khamis Mushait'], 18.31, 42.73]] },
  ],
};

// prettier-ignore
export const BAHRAIN: DemoPack = {
  ...COMMON,
  country: 'BH',
  categoryCounts: categoryCounts(22),
  phone: (d) => `+973 0${d()} ${d()} ${d()}`,
  regions: [
    { code: 'BH-13', services: 8, languages: ['ur', 'ml', 'hi', 'tl'],
      towns: [[['المنامة', 'Manama'], 26.22, 50.58]] },
    { code: 'BH-15', services: 5, languages: ['ur', 'bn', 'ml'],
      towns: [[['المحرق', 'Muharraq'], 26.26, 50.62]] },
    { code: 'BH-17', services: 5, languages: ['ur', 'hi', 'ta'],
      towns: [[['البديع', 'Budaiya'], 26.2, 50.47]] },
    { code: 'BH-14', services: 4, languages: ['ur', 'tl', 'ml'],
      towns: [[['عوالي', 'Awali'], 26.08, 50.55]] },
  ],
};
