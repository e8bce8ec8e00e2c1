/**
 * Points checked on import as the editor checks them: outside the country, outside the stated
 * region, or right only with latitude and longitude swapped. Warnings with the fix proposed,
 * not errors: bounding boxes are approximate and borders move.
 */
import { profileFor } from '../directory/areas';
import { coordinateWarnings } from '../directory/rules';

export type PlaceIssue = { code: string; fix?: string };

const inBox = (b: readonly number[], lat: number, lon: number) =>
  lat >= b[0]! && lat <= b[2]! && lon >= b[1]! && lon <= b[3]!;

export const placeIssues = (
  adminAreaCode: string,
  country: string,
  latitude: number | null,
  longitude: number | null,
): PlaceIssue[] => {
  if (latitude === null || longitude === null || Number.isNaN(latitude) || Number.isNaN(longitude))
    return [];
  const swapped = { code: 'exchange.issue.coordSwapped', fix: `${longitude}, ${latitude}` };
  if (adminAreaCode.includes('-'))
    return coordinateWarnings(adminAreaCode, latitude, longitude).map((w) =>
      w === 'swapped'
        ? swapped
        : {
            code:
              w === 'outsideCountry'
                ? 'exchange.issue.coordOutsideCountry'
                : 'exchange.issue.coordOutsideRegion',
          },
    );
  const profile = profileFor(country);
  if (!profile || inBox(profile.bbox, latitude, longitude)) return [];
  return [
    inBox(profile.bbox, longitude, latitude)
      ? swapped
      : { code: 'exchange.issue.coordOutsideCountry' },
  ];
};
