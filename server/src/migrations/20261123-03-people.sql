-- People, the posts they hold over time, and the accounts they sign in with.
-- Rights come from active posts: post type (role) × the post's region subtree.

-- Post types are data, not columns: local role sets differ (一长两员 / 一长三员) and change.
create table post_types (
  code text primary key check (code ~ '^[a-z_]+$'),
  name_zh text not null,
  name_en text not null,
  category text not null check (category in ('chief', 'office', 'grassroots', 'liaison')),
  permissions text[] not null default '{}',   -- what holders may do inside their region subtree
  sort smallint not null default 0
);
revoke insert, update, delete on post_types from linzhang_app;

insert into post_types (code, name_zh, name_en, category, sort, permissions) values
  ('chief_forest_chief',        '总林长',         'Chief forest chief',             'chief',      10,
     '{regions.read,people.read,map.read,resources.read}'),
  ('deputy_chief_forest_chief', '副总林长',       'Deputy chief forest chief',      'chief',      20,
     '{regions.read,people.read,map.read,resources.read}'),
  ('forest_chief',              '林长',           'Forest chief',                   'chief',      30,
     '{regions.read,people.read,map.read,resources.read}'),
  ('office_admin',              '林长办管理员',   'Forest-chief office admin',      'office',     40,
     '{regions.read,people.read,people.write,accounts.manage,audit.read,map.read,land.write,grids.write,resources.read,data.export}'),
  ('office_staff',              '林长办工作人员', 'Forest-chief office staff',      'office',     50,
     '{regions.read,people.read,people.write,map.read,land.write,grids.write,resources.read,data.export}'),
  ('supervisor',                '监管员',         'Supervisor',                     'grassroots', 60,
     '{regions.read,people.read,map.read,resources.read}'),
  ('ranger',                    '护林员',         'Ranger',                         'grassroots', 70,
     '{regions.read,map.read}'),
  ('guide',                     '指导员',         'Guide',                          'grassroots', 80,
     '{regions.read,people.read,map.read,resources.read}'),
  ('liaison',                   '协作单位联络员', 'Cooperating-department liaison', 'liaison',    90,
     '{regions.read,map.read}');

create table persons (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),   -- the region whose office keeps this record
  name text not null check (length(btrim(name)) between 1 and 50),
  phone text check (phone ~ '^1\d{10}$'),                 -- mainland mobile number; also a sign-in name
  id_card_last4 text check (id_card_last4 ~ '^\d{3}[\dX]$'), -- last four characters of the ID card, optional
  photo_sha256 text check (photo_sha256 ~ '^[0-9a-f]{64}$'), -- content address of the photo in the file store
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One person per phone number, so a phone can sign in.
create unique index persons_phone_uq on persons (phone) where phone is not null;
-- Scoped listing.
create index persons_region_idx on persons (region_code text_pattern_ops);
create trigger persons_touch before update on persons
  for each row execute function lz_touch_updated_at();
create trigger persons_audit after insert or update or delete on persons
  for each row execute function lz_audit_row('region_code');
alter table persons enable row level security;
create policy persons_scope on persons using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

create table posts (
  id bigint generated always as identity primary key,
  person_id bigint not null references persons (id),
  post_type text not null references post_types (code),
  region_code text not null references regions (code),    -- where the post is held; its subtree is the holder's scope
  title text check (length(title) <= 60),                 -- e.g. 区级林长, 镇级总林长
  responsibility_area text check (length(responsibility_area) <= 100), -- named responsibility area of a chief (责任区域)
  ranger_kind text check (ranger_kind in ('full_time', 'ecological', 'assistant')), -- 专职 / 生态 / 协管
  department text check (length(department) <= 60),      -- the cooperating department of a liaison
  starts_on date not null,
  ends_on date,                                           -- last day held; null while held
  end_reason text check (length(end_reason) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint posts_dates check (ends_on is null or ends_on >= starts_on),
  constraint posts_ranger_kind check ((post_type = 'ranger') = (ranger_kind is not null)),
  constraint posts_liaison_department check (post_type <> 'liaison' or department is not null)
);
-- A person holds a given post at a given region at most once at a time.
create unique index posts_open_uq on posts (person_id, post_type, region_code) where ends_on is null;
-- A person's post history.
create index posts_person_idx on posts (person_id, starts_on desc);
-- Who holds posts in a subtree.
create index posts_region_idx on posts (region_code text_pattern_ops, post_type);
create trigger posts_touch before update on posts
  for each row execute function lz_touch_updated_at();
create trigger posts_audit after insert or update or delete on posts
  for each row execute function lz_audit_row('region_code');
alter table posts enable row level security;
create policy posts_scope on posts using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

create table accounts (
  id bigint generated always as identity primary key,
  person_id bigint not null unique references persons (id),
  region_code text not null references regions (code),   -- copied from the person so the account is scoped like them
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  is_demo boolean not null default false,                 -- demo accounts are refused in production
  failed_attempts integer not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accounts_region_idx on accounts (region_code text_pattern_ops);

-- The account's region follows its person's.
create function lz_account_region() returns trigger
  language plpgsql
  as $$
  begin
    select region_code into new.region_code from persons where id = new.person_id;
    return new;
  end
  $$;
create trigger accounts_region before insert or update of person_id on accounts
  for each row execute function lz_account_region();
create function lz_person_region_to_account() returns trigger
  language plpgsql
  as $$
  begin
    update accounts set region_code = new.region_code where person_id = new.id;
    return null;
  end
  $$;
create trigger persons_region_to_account after update of region_code on persons
  for each row execute function lz_person_region_to_account();

create trigger accounts_touch before update on accounts
  for each row execute function lz_touch_updated_at();
create trigger accounts_audit after insert or update or delete on accounts
  for each row execute function lz_audit_row('region_code', 'password_hash');
alter table accounts enable row level security;
create policy accounts_scope on accounts using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Sign-in sessions (office browser) and, later, device tokens (ranger app). Only a hash of the
-- token is stored. Read only by the authentication layer under the system scope.
create table sessions (
  token_hash text primary key,
  account_id bigint not null references accounts (id) on delete cascade,
  kind text not null check (kind in ('office', 'device')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,       -- absolute end of the session
  idle_seconds integer,                  -- idle timeout; null for device tokens
  ip text,
  user_agent text,
  device_name text,
  revoked_at timestamptz
);
-- Revoking every session of an account (logout elsewhere, password change).
create index sessions_account_idx on sessions (account_id) where revoked_at is null;
