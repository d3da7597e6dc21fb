-- z5/26/13, PostgreSQL (ST_AsMVT)
-- parameters: ["regions",1024,1222.99245256282,12523442.714243278,2504688.542848655,13775786.985667605,3757032.814272983,1024,16,112.32421875,21.77990534252963,123.92578125,32.10118973232094]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from regions f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326) and (f.level <= 3)) t
       where t.geom is not null

-- z5/26/13, embedded (tile-space rows for the Node encoder)
-- parameters: [1222.99245256282,0.0008176665341674582,-0.0008176665341674575,-10240.000000000007,3071.999999999999,-16,-16,1040,1040,112.32421875,21.77990534252963,123.92578125,32.10118973232094]
select t.id, t."code", t."name", t."level", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from regions f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326) and (f.level <= 3)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z9/419/217, PostgreSQL (ST_AsMVT)
-- parameters: ["regions",2048,38.21851414258813,12758257.26513534,2974317.6446327767,12836528.78209936,3052589.1615967974,2048,32,114.598388671875,25.7899995628736,115.32348632812501,26.441065564038393]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from regions f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326) and (f.level <= 4)) t
       where t.geom is not null

-- z9/419/217, embedded (tile-space rows for the Node encoder)
-- parameters: [38.21851414258813,0.02616532909335874,-0.026165329093358582,-333824.0000000012,79871.99999999977,-32,-32,2080,2080,114.598388671875,25.7899995628736,115.32348632812501,26.441065564038393]
select t.id, t."code", t."name", t."level", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from regions f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326) and (f.level <= 4)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z9/419/217, label points, PostgreSQL (ST_AsMVT)
-- parameters: ["regions_labels",2048,12758257.26513534,2974317.6446327767,12836528.78209936,3052589.1615967974,2048,32,114.598388671875,25.7899995628736,115.32348632812501,26.441065564038393,12758257.26513534,12836528.78209936,2974317.6446327767,3052589.1615967974]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_asmvtgeom(l.p, st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from regions f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326) and (f.level <= 4) and st_x(l.p) >= $13::float8 and st_x(l.p) < $14::float8 and st_y(l.p) > $15::float8 and st_y(l.p) <= $16::float8) t
       where t.geom is not null

-- z9/419/217, label points, embedded
-- parameters: [0.02616532909335874,-0.026165329093358582,-333824.0000000012,79871.99999999977,114.598388671875,25.7899995628736,115.32348632812501,26.441065564038393,12758257.26513534,12836528.78209936,2974317.6446327767,3052589.1615967974]
select t.id, t."code", t."name", t."level", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_snaptogrid(st_affine(l.p, $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1) as geom
      from regions f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326) and (f.level <= 4) and st_x(l.p) >= $9::float8 and st_x(l.p) < $10::float8 and st_y(l.p) > $11::float8 and st_y(l.p) <= $12::float8) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, PostgreSQL (ST_AsMVT)
-- parameters: ["regions",4096,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,4096,64,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_asmvtgeom(st_transform(f.geom, 3857), st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from regions f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
       where t.geom is not null

-- z12/3355/1743, embedded (tile-space rows for the Node encoder)
-- parameters: [0.4186452654937498,-0.4186452654937299,-5353472.000000147,1249279.9999999749,-64,-64,4160,4160,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select t.id, t."code", t."name", t."level", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_transform(f.geom, 3857), $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1), st_makebox2d(st_point($5::float8, $6::float8), st_point($7::float8, $8::float8))), 1), 0) as geom
      from regions f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, label points, PostgreSQL (ST_AsMVT)
-- parameters: ["regions_labels",4096,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,4096,64,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297,12787609.083996847,12797393.02361735,2974317.6446327786,2984101.5842532814]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_asmvtgeom(l.p, st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from regions f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326) and st_x(l.p) >= $13::float8 and st_x(l.p) < $14::float8 and st_y(l.p) > $15::float8 and st_y(l.p) <= $16::float8) t
       where t.geom is not null

-- z12/3355/1743, label points, embedded
-- parameters: [0.4186452654937498,-0.4186452654937299,-5353472.000000147,1249279.9999999749,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297,12787609.083996847,12797393.02361735,2974317.6446327786,2984101.5842532814]
select t.id, t."code", t."name", t."level", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.code::int8)::int8 as id, (f.code)::text as "code", (f.name)::text as "name", (f.level)::int8 as "level", st_snaptogrid(st_affine(l.p, $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1) as geom
      from regions f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326) and st_x(l.p) >= $9::float8 and st_x(l.p) < $10::float8 and st_y(l.p) > $11::float8 and st_y(l.p) <= $12::float8) t
     where t.geom is not null and not st_isempty(t.geom)
