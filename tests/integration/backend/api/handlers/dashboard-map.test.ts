/** The map's source credit: the console names the source, the interface words it in the user's language. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../../../electron/backend/api/context.ts';
import { countyMap } from '../../../../../electron/backend/api/handlers/dashboard.ts';
import { mapCreditText } from '../../../../../renderer/src/features/dashboard/map-credit.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

const RESOURCES = join(fileURLToPath(new URL('../../../../../', import.meta.url)), 'resources');

describe('dashboard.map', () => {
  it('answers the boundaries and a credit key, not a sentence in one language', () => {
    const map = countyMap({ services: { resourcesDir: RESOURCES } } as unknown as CallContext);
    expect(map.geojson).toMatchObject({ type: 'FeatureCollection' });
    expect(map.credit).toBe('datav');
  });

  it('the credit reads in the chosen language only', () => {
    expect(mapCreditText(tZh, 'datav')).toBe('地图数据：阿里云 DataV.GeoAtlas / 高德（GCJ-02），仅供示意');
    expect(mapCreditText(tEn, 'datav')).toBe('Map data: Aliyun DataV.GeoAtlas / AMap (GCJ-02), for illustration');
    expect(mapCreditText(tEn, 'datav')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
