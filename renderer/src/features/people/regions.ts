/**
 * Region codes (roaming regions, travel origins) as words: Binzhou's counties by name, elsewhere the
 * province's name with the code (a 4- or 6-digit code below a province keeps its code, since the
 * console knows no city or county names outside Binzhou).
 */
import { CITY_CODE, countyByCode } from '../../../../shared/domain/counties.ts';
import { provinceOf } from '../../../../shared/words/province-words.ts';

export function regionName(code: string, lang: 'zh' | 'en'): string {
  const county = countyByCode(code);
  if (county) return lang === 'zh' ? `滨州市${county.name}` : `${county.nameEn}, Binzhou`;
  if (code === CITY_CODE) return lang === 'zh' ? '滨州市' : 'Binzhou';
  const province = provinceOf(code);
  if (!province) return code;
  const name = lang === 'zh' ? province.full : province.en;
  return code.length === 2 ? name : `${name} ${code}`;
}
