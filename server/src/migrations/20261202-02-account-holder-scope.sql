-- Managing an account is managing its holder's rights, and those come from the holder's posts,
-- which may lie far above the person's own region (a 水东镇 person appointed district office
-- admin). Scoping accounts by the person's region alone let a township office reset such an
-- account's password and sign in with district scope. Now an account may be written (opened,
-- its password reset, locked, unlocked, disabled) only by a caller whose scope covers the person
-- AND every post the holder has not yet left. Reading stays scoped by the person, so an office
-- still sees that its person has an account.

-- True when the caller's scope covers the region of every post of the person that has not ended:
-- posts held today and posts that start later (an office that set the password before the post
-- starts would hold its rights once it does). SECURITY DEFINER so that it sees the posts outside
-- the caller's scope, which are exactly the ones it looks for; it reveals only a yes or no.
-- search_path is pinned, as every SECURITY DEFINER function's must be.
create function lz_holder_in_scope(holder bigint) returns boolean
  language sql stable
  security definer
  set search_path = pg_catalog, public
  as $$
    select coalesce(current_setting('linzhang.scope', true) = '*', false)
        or not exists (select 1 from posts po
                        where po.person_id = holder
                          and (po.ends_on is null or po.ends_on >= lz_today())
                          and not lz_in_scope(po.region_code))
  $$;

-- One policy per command instead of accounts_scope for all of them.
drop policy accounts_scope on accounts;
-- Reading: the office that keeps the person sees the account.
create policy accounts_read on accounts for select
  using (lz_in_scope(region_code));
-- Opening: the new row must be the caller's to manage.
create policy accounts_open on accounts for insert
  with check (lz_in_scope(region_code) and lz_holder_in_scope(person_id));
-- Changing: only accounts the caller may manage are seen by UPDATE, and they must stay so.
create policy accounts_change on accounts for update
  using (lz_in_scope(region_code) and lz_holder_in_scope(person_id))
  with check (lz_in_scope(region_code) and lz_holder_in_scope(person_id));
-- Deleting (the application does not, today): the same rule as changing.
create policy accounts_delete on accounts for delete
  using (lz_in_scope(region_code) and lz_holder_in_scope(person_id));

-- The account's region is a copy of its person's. Moving a person is a people.write matter; the
-- copy must follow even when the mover may not manage the account (the policy above would hide
-- it from the UPDATE and leave the copy stale), so the copy is made with the owner's rights.
alter function lz_person_region_to_account() security definer;
alter function lz_person_region_to_account() set search_path = pg_catalog, public;
