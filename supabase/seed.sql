-- =====================================================================================
-- Demo data for local development. Loaded once, in local mode only, never in production.
-- Every demo account's password is `talaka-demo-password`.
-- =====================================================================================

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', demo.id, 'authenticated', 'authenticated', demo.email,
       extensions.crypt('talaka-demo-password', extensions.gen_salt('bf', 10)), now(),
       '{"provider": "email", "providers": ["email"]}', '{}', now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'admin@example.org'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'admin2@example.org'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'organizer@example.org'),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'member@example.org')
) as demo (id, email);

-- The trigger on auth.users gave each a hidden profile and the member role; add the rest.
insert into app.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000001', 'admin'),
  ('00000000-0000-4000-8000-000000000002', 'admin'),
  ('00000000-0000-4000-8000-000000000003', 'organizer');

update app.profiles set display_name = names.display_name
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'Алеся (admin)'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'Тарас (admin)'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'Ганна (organizer)'),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'Янка (member)')
) as names (id, display_name)
where profiles.id = names.id;
