-- z10/838/435, PostgreSQL (ST_AsMVT)
-- parameters: ["sub_compartments",512,76.43702828517625,12758257.26513534,2974317.644632778,12797393.023617351,3013453.4031147882,512,8,114.60388183593751,25.794945475649673,114.96643066406251,26.120918159599718]
select st_asmvt(m, $1, $2, 'geom') as mvt
      from (select "land_class", st_collect(d.part) as geom
              from (select "land_class", (st_dump(t.geom)).geom as part from (
    select (f.id)::int8 as id, (f.land_class)::text as "land_class", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t where t.geom is not null) d
             group by "land_class", st_dimension(d.part)) m

-- z10/838/435, embedded (tile-space rows for the Node encoder)
-- parameters: [76.43702828517625,0.013082664546679059,-0.01308266454667937,-166911.99999999665,39424.00000000013,-8,-8,520,520,114.60388183593751,25.794945475649673,114.96643066406251,26.120918159599718]
select t.id, t."land_class", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.land_class)::text as "land_class", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z11/1677/871, PostgreSQL (ST_AsMVT)
-- parameters: ["sub_compartments",1024,19.109257071294063,12777825.144376345,2974317.6446327786,12797393.02361735,2993885.5238737836,1024,16,114.78240966796876,25.79741835466293,114.96368408203125,25.96051413998022]
select st_asmvt(m, $1, $2, 'geom') as mvt
      from (select "land_class", st_collect(d.part) as geom
              from (select "land_class", (st_dump(t.geom)).geom as part from (
    select (f.id)::int8 as id, (f.land_class)::text as "land_class", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t where t.geom is not null) d
             group by "land_class", st_dimension(d.part)) m

-- z11/1677/871, embedded (tile-space rows for the Node encoder)
-- parameters: [19.109257071294063,0.052330658186718726,-0.05233065818671748,-668672.0000000184,156672.00000000055,-16,-16,1040,1040,114.78240966796876,25.79741835466293,114.96368408203125,25.96051413998022]
select t.id, t."land_class", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.land_class)::text as "land_class", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z12/3355/1743, PostgreSQL (ST_AsMVT)
-- parameters: ["sub_compartments",2048,4.777314267823516,12787609.083996847,2974317.6446327786,12797393.02361735,2984101.5842532814,2048,32,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.region_code)::text as "region_code", st_asmvtgeom(st_simplify(st_transform(f.geom, 3857), $3::float8), st_makebox2d(st_point($4::float8, $5::float8), st_point($6::float8, $7::float8)), $8, $9, true) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
       where t.geom is not null

-- z12/3355/1743, embedded (tile-space rows for the Node encoder)
-- parameters: [4.777314267823516,0.2093226327468749,-0.20932263274686494,-2676736.0000000736,624639.9999999874,-32,-32,2080,2080,114.87167358398438,25.798654774824332,114.96231079101562,25.880229968183297]
select t.id, t."label", t."land_class", t."forest_category", t."region_code", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.region_code)::text as "region_code", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_simplify(st_transform(f.geom, 3857), $1::float8), $2::float8, 0, 0, $3::float8, $4::float8, $5::float8), 1), st_makebox2d(st_point($6::float8, $7::float8), st_point($8::float8, $9::float8))), 1), 0) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z14/13422/6973, PostgreSQL (ST_AsMVT)
-- parameters: ["sub_compartments",4096,12792501.053807098,2979209.6144430283,12794947.038712224,2981655.599348154,4096,64,114.9166488647461,25.839140404695154,114.9393081665039,25.859532499660283]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.origin)::text as "origin", (f.dominant_species)::text as "dominant_species", (f.age_group)::text as "age_group", (f.region_code)::text as "region_code", st_asmvtgeom(st_transform(f.geom, 3857), st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
       where t.geom is not null

-- z14/13422/6973, embedded (tile-space rows for the Node encoder)
-- parameters: [1.6745810619749992,-1.6745810619749992,-21422080.00000059,4993024.000000134,-64,-64,4160,4160,114.9166488647461,25.839140404695154,114.9393081665039,25.859532499660283]
select t.id, t."label", t."land_class", t."forest_category", t."origin", t."dominant_species", t."age_group", t."region_code", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.origin)::text as "origin", (f.dominant_species)::text as "dominant_species", (f.age_group)::text as "age_group", (f.region_code)::text as "region_code", st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(st_transform(f.geom, 3857), $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1), st_makebox2d(st_point($5::float8, $6::float8), st_point($7::float8, $8::float8))), 1), 0) as geom
      from sub_compartments f
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326)) t
     where t.geom is not null and not st_isempty(t.geom)

-- z14/13422/6973, label points, PostgreSQL (ST_AsMVT)
-- parameters: ["sub_compartments_labels",4096,12792501.053807098,2979209.6144430283,12794947.038712224,2981655.599348154,4096,64,114.9166488647461,25.839140404695154,114.9393081665039,25.859532499660283,12792501.053807098,12794947.038712224,2979209.6144430283,2981655.599348154]
select st_asmvt(t, $1, $2, 'geom', 'id') as mvt
        from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.origin)::text as "origin", (f.dominant_species)::text as "dominant_species", (f.age_group)::text as "age_group", (f.region_code)::text as "region_code", st_asmvtgeom(l.p, st_makebox2d(st_point($3::float8, $4::float8), st_point($5::float8, $6::float8)), $7, $8, true) as geom
      from sub_compartments f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($9::float8, $10::float8, $11::float8, $12::float8, 4326) and st_x(l.p) >= $13::float8 and st_x(l.p) < $14::float8 and st_y(l.p) > $15::float8 and st_y(l.p) <= $16::float8) t
       where t.geom is not null

-- z14/13422/6973, label points, embedded
-- parameters: [1.6745810619749992,-1.6745810619749992,-21422080.00000059,4993024.000000134,114.9166488647461,25.839140404695154,114.9393081665039,25.859532499660283,12792501.053807098,12794947.038712224,2979209.6144430283,2981655.599348154]
select t.id, t."label", t."land_class", t."forest_category", t."origin", t."dominant_species", t."age_group", t."region_code", st_asgeojson(t.geom, 0) as geom
      from (
    select (f.id)::int8 as id, (f.compartment || '-' || f.number)::text as "label", (f.land_class)::text as "land_class", (f.forest_category)::text as "forest_category", (f.origin)::text as "origin", (f.dominant_species)::text as "dominant_species", (f.age_group)::text as "age_group", (f.region_code)::text as "region_code", st_snaptogrid(st_affine(l.p, $1::float8, 0, 0, $2::float8, $3::float8, $4::float8), 1) as geom
      from sub_compartments f cross join lateral (select st_transform(st_pointonsurface(f.geom), 3857) as p) l
     where f.geom && st_makeenvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326) and st_x(l.p) >= $9::float8 and st_x(l.p) < $10::float8 and st_y(l.p) > $11::float8 and st_y(l.p) <= $12::float8) t
     where t.geom is not null and not st_isempty(t.geom)
