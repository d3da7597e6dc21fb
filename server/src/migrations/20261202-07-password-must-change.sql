-- A password someone else chose (an office opening or resetting an account) is known to them, and
-- stays valid if the holder is later appointed above that office: it must be changed by the holder
-- before the account can do anything but change it (等保 2.0: initial passwords are changed at first use).
alter table accounts add column password_must_change boolean not null default false;
