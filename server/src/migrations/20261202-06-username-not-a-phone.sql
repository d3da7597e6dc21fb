-- A sign-in name is a username or the holder's phone number (accounts/repository.ts
-- findLoginCandidate). A username shaped like a mainland mobile number could equal another
-- person's phone, and sign-in by that phone would then mean two accounts: usernames may not look
-- like one.
alter table accounts add constraint accounts_username_not_phone check (username !~ '^1\d{10}$');
