import { describe, expect, it } from 'vitest';
import { areaByCode } from '../directory/areas';
import { officeProfileSchema } from './schema';

const office = { country: 'MZ', officeCode: 'PEM', officeName: 'Pemba', userName: 'Ana' };

describe('an office belongs to a level and an area', () => {
  it('is national without an area, regional with a province, district-level with a district', () => {
    expect(officeProfileSchema.parse(office).areaCode).toBeUndefined();
    const regional = officeProfileSchema.parse({ ...office, areaCode: 'MZ-P' });
    expect(areaByCode(regional.areaCode!)?.level).toBe(1);
    const district = officeProfileSchema.parse({ ...office, areaCode: 'MZ0104' });
    expect(areaByCode(district.areaCode!)).toMatchObject({ level: 2, parent: 'MZ-P' });
  });

  it('refuses an area of another country', () => {
    const r = officeProfileSchema.safeParse({ ...office, areaCode: 'ML-4' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['areaCode']);
  });
});
