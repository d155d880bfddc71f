// Terms readers search for, taken from the profiles: what the recall test measures and the index-parts test
// compares.

/** Place names, programme names and policy terms from the Chinese profiles, 2–4 characters each. */
export const ZH_TERMS = [
  // places
  '廉江', '湛江', '双辽', '四平', '茂南', '茂名', '崇明', '东平镇', '景宁', '丽水', '东营', '六户镇', '锣鼓坳', '英山',
  '庐阳', '合肥', '西樵', '南海', '澄迈', '大理', '弥渡', '花桥', '广安', '遵义', '安铺镇', '老马村', '王奔镇', '武王村',
  // programmes and slogans
  '三无小区', '弃管小区', '书记论坛', '头雁', '三亮', '一网通办', '幸福工程', '首善先锋', '交接单', '擂台比武', '楼道管家',
  '长者饭堂', '联合社', '示范岗', '党日',
  // policy vocabulary
  '脱贫攻坚', '乡村振兴', '集体经济', '党建引领', '志愿服务', '离任', '述职评议', '网格', '党史学习', '基层治理', '非公企业',
  '党员干部', '灾后重建', '牛粪', '西红柿', '创评',
];

/** The same kinds of terms from the English profiles. */
export const EN_TERMS = [
  'Lianjiang', 'Shuangliao', 'Maonan', 'Chongming', 'Jingning', 'Dongying', 'Xiqiao', 'Chengmai', 'Dali', 'Huaqiao',
  'Zunyi', 'Luoguao', 'three-no communities', 'abandoned compounds', 'contest', 'forum', 'tomatoes', 'manure',
  'handover', 'collective income', 'volunteers', 'grid', 'service centre', 'poverty alleviation', 'homestays',
  'pioneer', 'village secretaries', 'lead goose', 'one-stop', 'museum',
];
