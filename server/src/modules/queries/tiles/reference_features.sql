-- z8/209/108, PostgreSQL (ST_AsMVT)
-- parameters: ["reference_features",2048,76.43702828517625,12679985.748171318,2974317.6446327786,12836528.782099359,3130860.6785608195,2048,32,113.88427734375,25.78010711842224,115.33447265625,27.07869155292753]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from reference_features f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
       where t.geom is not null

-- z8/209/108, embedded (tile-space rows for the Node encoder)
-- parameters: [76.43702828517625,0.01308266454667937,-0.013082664546679331,-165888.00000000058,40960.00000000003,-32,-32,2080,2080,113.88427734375,25.78010711842224,115.33447265625,27.07869155292753]
select t.id, t."layer_id", t."name", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from reference_features f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, PostgreSQL (ST_AsMVT)
-- parameters: ["reference_features",4096,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,4096,64,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_asmvtgeom(st_transform(f.geom, 3857), st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from reference_features f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
       where t.geom is not null

-- z12/3355/1743, embedded (tile-space rows for the Node encoder)
-- parameters: [0.4186452654937498,-0.4186452654937299,-5353472.000000147,1249279.9999999749,-64,-64,4160,4160,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select t.id, t."layer_id", t."name", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_transform(f.geom, 3857), $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1), st_makebox2d(st_point($5::float8, $6::float8), st_point($7::float8, $8::float8))), 1), 0) as geom
      from reference_features f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, label points, PostgreSQL (ST_AsMVT)
-- parameters: ["reference_features_labels",4096,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,4096,64,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297,12787609.083996847,12797393.02361735,2974317.6446327786,2984101.5842532814]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_asmvtgeom(l.p, st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from reference_features f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326) and st_x(l.p) >= $13::float8 and st_x(l.p) < $14::float8 and st_y(l.p) > $15::float8 and st_y(l.p) <= $16::float8) t
       where t.geom is not null

-- z12/3355/1743, label points, embedded
-- parameters: [0.4186452654937498,-0.4186452654937299,-5353472.000000147,1249279.9999999749,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297,12787609.083996847,12797393.02361735,2974317.6446327786,2984101.5842532814]
select t.id, t."layer_id", t."name", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.layer_id)::int8 as "layer_id", (f.name)::text as "name", st_snaptogrid(st_affine(l.p, $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1) as geom
      from reference_features f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326) and st_x(l.p) >= $9::float8 and st_x(l.p) < $10::float8 and st_y(l.p) > $11::float8 and st_y(l.p) <= $12::float8) t
     where t.geom is not null and not st_isempty(t.geom)
