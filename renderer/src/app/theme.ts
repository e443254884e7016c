import { CODE_COLOR_HEX } from '../../../shared/domain/code-colors.ts';

/** The code colours come from one table (shared/domain/code-colors.ts); the stylesheet reads them as variables. */
export function applyCodeColors(root: HTMLElement = document.documentElement): void {
  root.style.setProperty('--red', CODE_COLOR_HEX.red);
  root.style.setProperty('--yellow', CODE_COLOR_HEX.yellow);
  root.style.setProperty('--green', CODE_COLOR_HEX.green);
  root.style.setProperty('--none', CODE_COLOR_HEX.none);
}
