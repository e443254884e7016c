/** What a figure's list is called in its workbook: the sheet's title and the file's name. */
import type { FigureSpec } from './figure-match.ts';
import { colourZh } from '../../../shared/words/domain-words.ts';

const TITLES: Record<string, string> = {
  red: '红码人员',
  yellow: '黄码人员',
  green: '绿码人员',
  holders: '持码人员',
  noCode: '未申领健康码人员',
  turnedRed: '当日转红人员',
  turnedYellow: '当日转黄人员',
  turnedGreen: '当日转绿人员',
  newCodes: '当日新申领人员',
};

/** One name serves as the sheet's name, its title and the start of the file's name. */
export function figureTitle(spec: Pick<FigureSpec, 'figure' | 'from' | 'to'>): string {
  return spec.figure === 'transition'
    ? `${colourZh(spec.from ?? '')}转${colourZh(spec.to ?? '')}人员`
    : (TITLES[spec.figure] ?? spec.figure);
}
