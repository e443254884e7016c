/**
 * China's province-level divisions by their GB/T 2260 code (the first two digits of any region
 * code): enough to name where a record puts a person. `short` is how an evidence summary says it
 * (湖北), `full` how a person's page does (湖北省), `en` the English name of both.
 */
export interface ProvinceWords {
  short: string;
  full: string;
  en: string;
}

const P = (short: string, full: string, en: string): ProvinceWords => ({ short, full, en });

export const PROVINCE_WORDS: Readonly<Record<string, ProvinceWords>> = {
  '11': P('北京', '北京市', 'Beijing'),
  '12': P('天津', '天津市', 'Tianjin'),
  '13': P('河北', '河北省', 'Hebei'),
  '14': P('山西', '山西省', 'Shanxi'),
  '15': P('内蒙古', '内蒙古自治区', 'Inner Mongolia'),
  '21': P('辽宁', '辽宁省', 'Liaoning'),
  '22': P('吉林', '吉林省', 'Jilin'),
  '23': P('黑龙江', '黑龙江省', 'Heilongjiang'),
  '31': P('上海', '上海市', 'Shanghai'),
  '32': P('江苏', '江苏省', 'Jiangsu'),
  '33': P('浙江', '浙江省', 'Zhejiang'),
  '34': P('安徽', '安徽省', 'Anhui'),
  '35': P('福建', '福建省', 'Fujian'),
  '36': P('江西', '江西省', 'Jiangxi'),
  '37': P('山东', '山东省', 'Shandong'),
  '41': P('河南', '河南省', 'Henan'),
  '42': P('湖北', '湖北省', 'Hubei'),
  '43': P('湖南', '湖南省', 'Hunan'),
  '44': P('广东', '广东省', 'Guangdong'),
  '45': P('广西', '广西壮族自治区', 'Guangxi'),
  '46': P('海南', '海南省', 'Hainan'),
  '50': P('重庆', '重庆市', 'Chongqing'),
  '51': P('四川', '四川省', 'Sichuan'),
  '52': P('贵州', '贵州省', 'Guizhou'),
  '53': P('云南', '云南省', 'Yunnan'),
  '54': P('西藏', '西藏自治区', 'Tibet'),
  '61': P('陕西', '陕西省', 'Shaanxi'),
  '62': P('甘肃', '甘肃省', 'Gansu'),
  '63': P('青海', '青海省', 'Qinghai'),
  '64': P('宁夏', '宁夏回族自治区', 'Ningxia'),
  '65': P('新疆', '新疆维吾尔自治区', 'Xinjiang'),
  '71': P('台湾', '台湾省', 'Taiwan'),
  '81': P('香港', '香港特别行政区', 'Hong Kong'),
  '82': P('澳门', '澳门特别行政区', 'Macao'),
};

/** The province a region code lies in, if the code names one. */
export function provinceOf(code: string): ProvinceWords | undefined {
  return PROVINCE_WORDS[code.slice(0, 2)];
}
