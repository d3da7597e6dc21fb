-- z10/838/435, PostgreSQL (ST_AsMVT)
-- parameters: ["key_routes",2048,19.109257071294063,12758257.26513534,2974317.644632778,12797393.023617351,3013453.4031147882,2048,32,114.60388183593751,25.794945475649673,114.96643066406251,26.120918159599718]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.name)::text as "name", (f.length_m)::float8 as "length_m", (f.region_code)::text as "region_code", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from key_routes f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
       where t.geom is not null

-- z10/838/435, embedded (tile-space rows for the Node encoder)
-- parameters: [19.109257071294063,0.052330658186716235,-0.05233065818671748,-667647.9999999866,157696.00000000052,-32,-32,2080,2080,114.60388183593751,25.794945475649673,114.96643066406251,26.120918159599718]
select t.id, t."name", t."length_m", t."region_code", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.name)::text as "name", (f.length_m)::float8 as "length_m", (f.region_code)::text as "region_code", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from key_routes f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, PostgreSQL (ST_AsMVT)
-- parameters: ["key_routes",4096,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,4096,64,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.name)::text as "name", (f.length_m)::float8 as "length_m", (f.region_code)::text as "region_code", st_asmvtgeom(st_transform(f.geom, 3857), st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from key_routes f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
       where t.geom is not null

-- z12/3355/1743, embedded (tile-space rows for the Node encoder)
-- parameters: [0.4186452654937498,-0.4186452654937299,-5353472.000000147,1249279.9999999749,-64,-64,4160,4160,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select t.id, t."name", t."length_m", t."region_code", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.name)::text as "name", (f.length_m)::float8 as "length_m", (f.region_code)::text as "region_code", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_transform(f.geom, 3857), $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1), st_makebox2d(st_point($5::float8, $6::float8), st_point($7::float8, $8::float8))), 1), 0) as geom
      from key_routes f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)
