/** The plausible window of a console whose clock reads 2020-03-01 (feeds/plausible-window.ts). */
import { plausibleWindow } from '../../shared/domain/feeds/plausible-window.ts';

export const TEST_WINDOW = plausibleWindow(Date.parse('2020-03-01T09:00:00+08:00'), null);
