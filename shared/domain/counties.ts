/** Binzhou's seven county-level divisions (EXCHANGE.md), in code order. */
export interface County {
  code: string;
  name: string;
  nameEn: string;
  /** Approximate share of the city's population (2020 census), used by the demo city. */
  populationShare: number;
}

export const COUNTIES: readonly County[] = [
  { code: '371602', name: '滨城区', nameEn: 'Bincheng', populationShare: 0.183 },
  { code: '371603', name: '沾化区', nameEn: 'Zhanhua', populationShare: 0.092 },
  { code: '371621', name: '惠民县', nameEn: 'Huimin', populationShare: 0.153 },
  { code: '371622', name: '阳信县', nameEn: 'Yangxin', populationShare: 0.113 },
  { code: '371623', name: '无棣县', nameEn: 'Wudi', populationShare: 0.115 },
  { code: '371625', name: '博兴县', nameEn: 'Boxing', populationShare: 0.129 },
  { code: '371681', name: '邹平市', nameEn: 'Zouping', populationShare: 0.215 },
];

export const CITY_CODE = '3716';
export const PROVINCE_CODE = '37';

const byCode = new Map(COUNTIES.map((c) => [c.code, c]));

export function isCountyCode(code: string): boolean {
  return byCode.has(code);
}

export function countyByCode(code: string): County | undefined {
  return byCode.get(code);
}

export function countyName(code: string, lang: 'zh' | 'en' = 'zh'): string {
  const c = byCode.get(code);
  if (!c) return code;
  return lang === 'zh' ? c.name : c.nameEn;
}
