/** ESRI-style .prj texts for the coordinate systems Linzhang writes. */

const CGCS2000_GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** CGCS2000 longitude/latitude (EPSG:4490): what exports carry; stored coordinates agree with it to well under a metre. */
export const PRJ_CGCS2000 = CGCS2000_GEOGCS;

export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * CGCS2000 3-degree Gauss–Krüger zone by central meridian (75°E–135°E). With `zonePrefix`, the
 * false easting carries the zone number (EPSG:4513–4533), otherwise 500 km (EPSG:4534–4554).
 */
export function prjCgcs2000Gk3(centralMeridian: number, zonePrefix = false): string {
  const zone = Math.round(centralMeridian / 3);
  const name = zonePrefix ? `CGCS2000_3_Degree_GK_Zone_${zone}` : `CGCS2000_3_Degree_GK_CM_${centralMeridian}E`;
  const falseEasting = zonePrefix ? zone * 1_000_000 + 500_000 : 500_000;
  return `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}
