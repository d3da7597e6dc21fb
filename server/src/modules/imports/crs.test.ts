import { describe, expect, it } from 'vitest';
import { PRJ_CGCS2000, PRJ_WGS84, prjCgcs2000Gk3 } from '../../platform/gis/prj.ts';
import { crsFromGeoJsonName, detectPrj, gaussKrugerSrid, suggestCrs } from './crs.ts';

const code = (prj: string) => {
  const found = detectPrj(prj);
  return 'crs' in found ? found.crs.code : found.problem;
};

/** What QGIS and ArcGIS write for Web Mercator and for WKT2 (.prj files carry either). */
const WEB_MERCATOR_ESRI =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

describe('.prj → coordinate system', () => {
  it('CGCS2000 geographic is EPSG:4490', () => {
    expect(code(PRJ_CGCS2000)).toBe('EPSG:4490');
  });

  it('a 3° Gauss–Krüger zone by central meridian (false easting 500 km) is EPSG:4534–4554', () => {
    expect(code(prjCgcs2000Gk3(114))).toBe('EPSG:4547');
    expect(code(prjCgcs2000Gk3(75))).toBe('EPSG:4534');
    expect(code(prjCgcs2000Gk3(135))).toBe('EPSG:4554');
  });

  it('a 3° zone with the zone number in the false easting is EPSG:4513–4533', () => {
    expect(code(prjCgcs2000Gk3(114, true))).toBe('EPSG:4526'); // zone 38
    expect(code(prjCgcs2000Gk3(75, true))).toBe('EPSG:4513'); // zone 25
  });

  it('WGS84 is EPSG:4326 and Web Mercator EPSG:3857', () => {
    expect(code(PRJ_WGS84)).toBe('EPSG:4326');
    expect(code(WEB_MERCATOR_ESRI)).toBe('EPSG:3857');
  });

  it('an EPSG authority in the text names the system directly (WKT2)', () => {
    expect(code('PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 114E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101]]],CONVERSION["3-degree Gauss-Kruger CM 114E",METHOD["Transverse Mercator"]],ID["EPSG",4547]]')).toBe('EPSG:4547');
  });

  it('Beijing 1954 and Xian 1980 are refused with the reason', () => {
    const xian = prjCgcs2000Gk3(114).replace('D_China_2000', 'D_Xian_1980').replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Xian_1980');
    expect(code(xian)).toContain('北京54/西安80');
  });

  it('unreadable or empty text is unknown, with the reason', () => {
    expect(code('这不是坐标系')).toBe('.prj 文件内容无法解析');
    expect(code('')).toBe('.prj 文件是空的');
    expect(code('PROJCS["x",GEOGCS["y"')).toBe('.prj 文件内容无法解析');
  });

  it('a system no EPSG code names is converted from its parameters, by a PROJ string we build', () => {
    const utm = PRJ_WGS84.replace(/^/, 'PROJCS["WGS_1984_UTM_Zone_50N",').concat(',PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]');
    expect(detectPrj(utm)).toEqual({
      crs: { code: 'PRJ', srid: null, name: 'WGS_1984_UTM_Zone_50N', geographic: false, proj: '+proj=tmerc +lat_0=0 +lon_0=117 +k=0.9996 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs' },
    });
    const local = prjCgcs2000Gk3(114).replace('CGCS2000_3_Degree_GK_CM_114E', 'Local').replace('PARAMETER["Central_Meridian",114.0]', 'PARAMETER["Central_Meridian",114.9]');
    expect(detectPrj(local)).toMatchObject({ crs: { code: 'PRJ', proj: '+proj=tmerc +lat_0=0 +lon_0=114.9 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs' } });
  });

  it('Albers and Lambert map projections, and units other than the metre', () => {
    const albers = `PROJCS["China_Albers",${PRJ_CGCS2000},PROJECTION["Albers"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Standard_Parallel_1",25.0],PARAMETER["Standard_Parallel_2",47.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    expect(detectPrj(albers)).toMatchObject({ crs: { proj: '+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs' } });
    const lambert = albers.replace('PROJECTION["Albers"]', 'PROJECTION["Lambert_Conformal_Conic"]').replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]');
    expect(detectPrj(lambert)).toMatchObject({ crs: { proj: '+proj=lcc +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +to_meter=0.3048006096012192 +no_defs' } });
  });

  it('what we cannot express for certain is not handed to PROJ: the user is asked', () => {
    const gk = prjCgcs2000Gk3(114);
    expect(code(gk.replace('PROJECTION["Gauss_Kruger"]', 'PROJECTION["Krovak"]'))).toBe('.prj 中的投影方式“Krovak”不能自动换算');
    expect(code(gk.replace('D_China_2000', 'D_Local').replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Local'))).toBe('.prj 中的大地基准“D_Local”不是 CGCS2000 或 WGS84，不知道如何换算到 CGCS2000');
    expect(code('GEOGCS["GCS_Local",DATUM["D_Local",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).toContain('大地基准“D_Local”');
    expect(code(gk.replace('PARAMETER["Central_Meridian",114.0]', 'PARAMETER["Central_Meridian",414.0]'))).toContain('不能自动换算');
    const conic = `PROJCS["x",${PRJ_CGCS2000},PROJECTION["Albers"],PARAMETER["Central_Meridian",105.0],PARAMETER["Standard_Parallel_1",25.0],PARAMETER["Standard_Parallel_2",-25.0],UNIT["Meter",1.0]]`;
    expect(code(conic)).toContain('不能自动换算'); // PROJ refuses a cone whose parallels cancel out
  });
});

describe('Gauss–Krüger parameters', () => {
  it('6° zones are told apart from 3° ones', () => {
    expect(gaussKrugerSrid({ cm: 117, fe: 20_500_000 })).toBe(4498); // 6° zone 20
    expect(gaussKrugerSrid({ cm: 117, fe: 500_000 }, true)).toBe(4509);
  });

  it('a scale factor other than 1 is not a national zone', () => {
    expect(gaussKrugerSrid({ cm: 114, fe: 500_000, k: 0.9996 })).toBeUndefined();
  });
});

describe('GeoJSON crs names and suggestions', () => {
  it('reads EPSG names and CRS84', () => {
    expect(crsFromGeoJsonName('urn:ogc:def:crs:EPSG::4547')?.code).toBe('EPSG:4547');
    expect(crsFromGeoJsonName('EPSG:4490')?.code).toBe('EPSG:4490');
    expect(crsFromGeoJsonName('urn:ogc:def:crs:OGC:1.3:CRS84')?.code).toBe('EPSG:4326');
    expect(crsFromGeoJsonName('EPSG:2000')).toBeUndefined();
  });

  it('suggests from the coordinates: degrees, an easting with its zone, a zone from the region, Web Mercator', () => {
    expect(suggestCrs([114.8, 25.7, 115.0, 25.9], null)).toEqual(['EPSG:4490', 'EPSG:4326']);
    expect(suggestCrs([38_490_000, 2_850_000, 38_510_000, 2_870_000], null)).toEqual(['EPSG:4526']);
    expect(suggestCrs([490_000, 2_850_000, 510_000, 2_870_000], 114.9)).toEqual(['EPSG:4547']);
    expect(suggestCrs([12_780_000, 2_960_000, 12_800_000, 2_980_000], null)).toEqual(['EPSG:3857']);
  });
});
