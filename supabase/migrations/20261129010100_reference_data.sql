-- =====================================================================================
-- Reference data: the rows behind the tables of 20261129010000_reference_tables.sql.
--
-- Every name is given in Belarusian (official orthography: і, ў and the apostrophe, never и, щ
-- or ъ), English (British spelling) and Polish, written the way a native speaker writes it on a
-- CV or in an address. Belarusian apostrophes are ASCII and doubled ('') as SQL requires.
--
-- Deliberately absent: Belarus and its cities. SECURITY.md says "collect less": no home town in
-- Belarus, and a member living there must not be one click away from saying so.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Directions of work: the six lines of the movement, in the order the interface lists them.
-- -------------------------------------------------------------------------------------
insert into app.directions (id, position, name_be, name_en, name_pl) values
  ('political-work',   1, 'Палітычная праца',          'Political work',      'Praca polityczna'),
  ('human-rights',     2, 'Праваабарона',              'Human rights',        'Prawa człowieka'),
  ('accountability',   3, 'Прыцягненне да адказнасці', 'Accountability',      'Pociąganie do odpowiedzialności'),
  ('media',            4, 'Медыя',                     'Media',               'Media'),
  ('identity-culture', 5, 'Ідэнтычнасць і культура',   'Identity and culture', 'Tożsamość i kultura'),
  ('private-sector',   6, 'Прыватны сектар',           'Private sector',      'Sektor prywatny');

-- -------------------------------------------------------------------------------------
-- Skill categories: what the democratic movement and a future free Belarus need people for.
-- -------------------------------------------------------------------------------------
insert into app.skill_categories (id, position, name_be, name_en, name_pl) values
  ('management',             1, 'Кіраванне',                 'Management',                'Zarządzanie'),
  ('law-human-rights',       2, 'Права і правы чалавека',    'Law and human rights',      'Prawo i prawa człowieka'),
  ('journalism-media',       3, 'Журналістыка і медыя',      'Journalism and media',      'Dziennikarstwo i media'),
  ('it',                     4, 'ІТ',                        'IT',                        'IT'),
  ('finance',                5, 'Фінансы',                   'Finance',                   'Finanse'),
  ('public-administration',  6, 'Дзяржаўнае кіраванне',      'Public administration',     'Administracja publiczna'),
  ('education',              7, 'Адукацыя',                  'Education',                 'Edukacja'),
  ('health',                 8, 'Здароўе',                   'Health',                    'Zdrowie'),
  ('culture-identity',       9, 'Культура і ідэнтычнасць',   'Culture and identity',      'Kultura i tożsamość'),
  ('business',              10, 'Бізнес',                    'Business',                  'Biznes'),
  ('security',              11, 'Бяспека',                   'Security',                  'Bezpieczeństwo'),
  ('logistics-volunteering', 12, 'Лагістыка і валанцёрства', 'Logistics and volunteering', 'Logistyka i wolontariat'),
  ('research-analysis',     13, 'Даследаванні і аналітыка',  'Research and analysis',     'Badania i analizy'),
  ('communication-advocacy', 14, 'Камунікацыя і адвакацыя',  'Communication and advocacy', 'Komunikacja i rzecznictwo'),
  ('languages-translation', 15, 'Мовы і пераклад',           'Languages and translation', 'Języki i tłumaczenia');

-- -------------------------------------------------------------------------------------
-- Skills: concrete enough to find the right person, grouped by category. Free tags on a
-- profile cover whatever is missing here.
-- -------------------------------------------------------------------------------------
insert into app.skills (id, category_id, name_be, name_en, name_pl) values
  -- Management
  ('project-management',          'management', 'Кіраванне праектамі',                'Project management',              'Zarządzanie projektami'),
  ('strategic-planning',          'management', 'Стратэгічнае планаванне',            'Strategic planning',              'Planowanie strategiczne'),
  ('team-leadership',             'management', 'Кіраўніцтва камандай',               'Team leadership',                 'Kierowanie zespołem'),
  ('organisational-development',  'management', 'Развіццё арганізацый',               'Organisational development',      'Rozwój organizacji'),
  ('ngo-management',              'management', 'Кіраванне грамадскай арганізацыяй',  'NGO management',                  'Zarządzanie organizacją pozarządową'),
  ('fundraising',                 'management', 'Фандрайзінг',                        'Fundraising',                     'Fundraising'),
  ('grant-writing',               'management', 'Напісанне грантавых заявак',         'Grant writing',                   'Pisanie wniosków grantowych'),
  ('monitoring-evaluation',       'management', 'Маніторынг і ацэнка праектаў',       'Monitoring and evaluation',       'Monitoring i ewaluacja'),
  ('facilitation',                'management', 'Фасілітацыя',                        'Facilitation',                    'Facylitacja'),
  ('human-resources',             'management', 'Кіраванне персаналам',               'Human resources',                 'Zarządzanie zasobami ludzkimi'),
  ('risk-management',             'management', 'Кіраванне рызыкамі',                 'Risk management',                 'Zarządzanie ryzykiem'),
  ('mentoring-coaching',          'management', 'Менторства і коўчынг',               'Mentoring and coaching',          'Mentoring i coaching'),

  -- Law and human rights
  ('international-human-rights-law', 'law-human-rights', 'Міжнароднае права ў галіне правоў чалавека', 'International human rights law', 'Międzynarodowa ochrona praw człowieka'),
  ('international-criminal-law',  'law-human-rights', 'Міжнароднае крымінальнае права',  'International criminal law',      'Międzynarodowe prawo karne'),
  ('criminal-law',                'law-human-rights', 'Крымінальнае права',              'Criminal law',                    'Prawo karne'),
  ('asylum-migration-law',        'law-human-rights', 'Міграцыйнае права і права прытулку', 'Asylum and migration law',     'Prawo azylowe i migracyjne'),
  ('evidence-collection',         'law-human-rights', 'Дакументаванне злачынстваў і збор доказаў', 'Documenting crimes and collecting evidence', 'Dokumentowanie zbrodni i zbieranie dowodów'),
  ('war-crimes-documentation',    'law-human-rights', 'Дакументаванне ваенных злачынстваў', 'Documenting war crimes',       'Dokumentowanie zbrodni wojennych'),
  ('strategic-litigation',        'law-human-rights', 'Стратэгічная літыгацыя',          'Strategic litigation',            'Litygacja strategiczna'),
  ('un-osce-mechanisms',          'law-human-rights', 'Праваабарончыя механізмы ААН і АБСЕ', 'UN and OSCE human rights mechanisms', 'Mechanizmy ochrony praw człowieka ONZ i OBWE'),
  ('legal-aid-political-prisoners', 'law-human-rights', 'Юрыдычная дапамога палітвязням', 'Legal aid for political prisoners', 'Pomoc prawna dla więźniów politycznych'),
  ('transitional-justice',        'law-human-rights', 'Пераходнае правасуддзе',          'Transitional justice',            'Sprawiedliwość okresu przejściowego'),
  ('constitutional-law',          'law-human-rights', 'Канстытуцыйнае права',            'Constitutional law',              'Prawo konstytucyjne'),
  ('civil-law',                   'law-human-rights', 'Грамадзянскае права',             'Civil law',                       'Prawo cywilne'),
  ('labour-law',                  'law-human-rights', 'Працоўнае права',                 'Labour law',                      'Prawo pracy'),
  ('legislative-drafting',        'law-human-rights', 'Падрыхтоўка законапраектаў',      'Legislative drafting',            'Tworzenie projektów ustaw'),
  ('sanctions-export-control',    'law-human-rights', 'Санкцыі і экспартны кантроль',    'Sanctions and export control',    'Sankcje i kontrola eksportu'),

  -- Journalism and media
  ('investigative-journalism',    'journalism-media', 'Журналісцкія расследаванні',      'Investigative journalism',        'Dziennikarstwo śledcze'),
  ('news-reporting',              'journalism-media', 'Навінавая журналістыка',          'News reporting',                  'Dziennikarstwo informacyjne'),
  ('editing-proofreading',        'journalism-media', 'Рэдагаванне і карэктура',         'Editing and proofreading',        'Redakcja i korekta'),
  ('fact-checking',               'journalism-media', 'Фактчэкінг',                      'Fact-checking',                   'Weryfikacja faktów'),
  ('countering-disinformation',   'journalism-media', 'Супрацьдзеянне дэзінфармацыі',    'Countering disinformation',       'Przeciwdziałanie dezinformacji'),
  ('video-production',            'journalism-media', 'Вытворчасць відэа',               'Video production',                'Produkcja wideo'),
  ('video-editing',               'journalism-media', 'Відэамантаж',                     'Video editing',                   'Montaż wideo'),
  ('photography',                 'journalism-media', 'Фатаграфія',                      'Photography',                     'Fotografia'),
  ('podcasting',                  'journalism-media', 'Стварэнне падкастаў',             'Podcasting',                      'Tworzenie podcastów'),
  ('radio-audio-production',      'journalism-media', 'Радыё і гуказапіс',               'Radio and audio production',      'Radio i produkcja dźwięku'),
  ('presenting',                  'journalism-media', 'Вядзенне эфіраў',                 'On-air presenting',               'Prowadzenie programów'),
  ('social-media-management',     'journalism-media', 'Вядзенне сацыяльных сетак',       'Social media management',         'Prowadzenie mediów społecznościowych'),
  ('copywriting',                 'journalism-media', 'Капірайтынг',                     'Copywriting',                     'Copywriting'),
  ('graphic-design',              'journalism-media', 'Графічны дызайн',                 'Graphic design',                  'Projektowanie graficzne'),

  -- IT
  ('web-development',             'it', 'Вэб-распрацоўка',                              'Web development',                 'Tworzenie aplikacji internetowych'),
  ('frontend-development',        'it', 'Фронтэнд-распрацоўка',                         'Front-end development',           'Programowanie front-end'),
  ('backend-development',         'it', 'Бэкэнд-распрацоўка',                           'Back-end development',            'Programowanie back-end'),
  ('mobile-development',          'it', 'Распрацоўка мабільных праграм',                'Mobile app development',          'Tworzenie aplikacji mobilnych'),
  ('ux-ui-design',                'it', 'UX/UI-дызайн',                                 'UX/UI design',                    'Projektowanie UX/UI'),
  ('devops-system-administration', 'it', 'DevOps і сістэмнае адміністраванне',          'DevOps and system administration', 'DevOps i administracja systemami'),
  ('database-administration',     'it', 'Адміністраванне баз даных',                    'Database administration',         'Administrowanie bazami danych'),
  ('software-testing',            'it', 'Тэсціраванне праграмнага забеспячэння (QA)',   'Software testing (QA)',           'Testowanie oprogramowania (QA)'),
  ('machine-learning-ai',         'it', 'Машыннае навучанне і штучны інтэлект',         'Machine learning and AI',         'Uczenie maszynowe i sztuczna inteligencja'),
  ('product-management',          'it', 'Кіраванне прадуктам',                          'Product management',              'Zarządzanie produktem'),
  ('chatbot-development',         'it', 'Распрацоўка чат-ботаў',                        'Chatbot development',             'Tworzenie chatbotów'),
  ('no-code-automation',          'it', 'No-code і аўтаматызацыя',                      'No-code tools and automation',    'Narzędzia no-code i automatyzacja'),
  ('it-support',                  'it', 'Тэхнічная падтрымка',                          'IT support',                      'Wsparcie techniczne IT'),

  -- Finance
  ('accounting',                  'finance', 'Бухгалтарскі ўлік',                       'Accounting',                      'Księgowość'),
  ('financial-management',        'finance', 'Фінансавае кіраванне',                    'Financial management',            'Zarządzanie finansami'),
  ('budgeting',                   'finance', 'Бюджэтаванне',                            'Budgeting',                       'Budżetowanie'),
  ('grant-financial-reporting',   'finance', 'Фінансавыя справаздачы для грантадаўцаў', 'Grant financial reporting',       'Rozliczanie grantów'),
  ('auditing',                    'finance', 'Аўдыт',                                   'Auditing',                        'Audyt'),
  ('tax-advice',                  'finance', 'Падатковае кансультаванне',               'Tax advice',                      'Doradztwo podatkowe'),
  ('financial-investigations',    'finance', 'Фінансавыя расследаванні',                'Financial investigations',        'Śledztwa finansowe'),
  ('anti-money-laundering',       'finance', 'Супрацьдзеянне адмыванню грошай (AML)',   'Anti-money laundering (AML)',     'Przeciwdziałanie praniu pieniędzy (AML)'),
  ('banking',                     'finance', 'Банкаўская справа',                       'Banking',                         'Bankowość'),
  ('investment',                  'finance', 'Інвестыцыі',                              'Investment',                      'Inwestycje'),
  ('crowdfunding',                'finance', 'Краўдфандынг',                            'Crowdfunding',                    'Crowdfunding'),

  -- Public administration
  ('public-procurement',          'public-administration', 'Дзяржаўныя закупкі',        'Public procurement',              'Zamówienia publiczne'),
  ('municipal-governance',        'public-administration', 'Мясцовае самакіраванне',    'Municipal governance',            'Samorząd terytorialny'),
  ('public-policy',               'public-administration', 'Распрацоўка публічнай палітыкі', 'Public policy making',       'Tworzenie polityk publicznych'),
  ('public-finance',              'public-administration', 'Дзяржаўныя фінансы',        'Public finance',                  'Finanse publiczne'),
  ('public-sector-reform',        'public-administration', 'Рэформа дзяржаўнага кіравання', 'Public sector reform',        'Reforma administracji publicznej'),
  ('anti-corruption',             'public-administration', 'Барацьба з карупцыяй',      'Anti-corruption',                 'Przeciwdziałanie korupcji'),
  ('election-observation',        'public-administration', 'Назіранне за выбарамі',     'Election observation',            'Obserwacja wyborów'),
  ('election-administration',     'public-administration', 'Арганізацыя выбараў',       'Election administration',         'Administracja wyborcza'),
  ('diplomacy',                   'public-administration', 'Дыпламатыя і міжнародныя адносіны', 'Diplomacy and international relations', 'Dyplomacja i stosunki międzynarodowe'),
  ('e-government',                'public-administration', 'Электронны ўрад',           'E-government',                    'E-administracja'),
  ('security-sector-reform',      'public-administration', 'Рэформа сектара бяспекі',   'Security sector reform',          'Reforma sektora bezpieczeństwa'),
  ('economic-policy',             'public-administration', 'Эканамічная палітыка',      'Economic policy',                 'Polityka gospodarcza'),

  -- Education
  ('teaching',                    'education', 'Выкладанне',                            'Teaching',                        'Nauczanie'),
  ('curriculum-development',      'education', 'Распрацоўка навучальных праграм',       'Curriculum development',          'Tworzenie programów nauczania'),
  ('training-delivery',           'education', 'Правядзенне трэнінгаў',                 'Training delivery',               'Prowadzenie szkoleń'),
  ('adult-education',             'education', 'Адукацыя дарослых',                     'Adult education',                 'Edukacja dorosłych'),
  ('online-teaching',             'education', 'Выкладанне анлайн',                     'Online teaching',                 'Nauczanie zdalne'),
  ('civic-education',             'education', 'Грамадзянская адукацыя',                'Civic education',                 'Edukacja obywatelska'),
  ('media-literacy-education',    'education', 'Медыяадукацыя',                         'Media literacy education',        'Edukacja medialna'),
  ('early-childhood-education',   'education', 'Дашкольная адукацыя',                   'Early childhood education',       'Edukacja przedszkolna'),
  ('inclusive-education',         'education', 'Інклюзіўная адукацыя',                  'Inclusive education',             'Edukacja włączająca'),
  ('tutoring',                    'education', 'Рэпетытарства',                         'Tutoring',                        'Korepetycje'),

  -- Health
  ('medicine',                    'health', 'Медыцына (урачэбная практыка)',            'Medicine (physician)',            'Medycyna (praktyka lekarska)'),
  ('nursing',                     'health', 'Сястрынская справа',                       'Nursing',                         'Pielęgniarstwo'),
  ('psychology',                  'health', 'Псіхалогія',                               'Psychology',                      'Psychologia'),
  ('psychotherapy',               'health', 'Псіхатэрапія',                             'Psychotherapy',                   'Psychoterapia'),
  ('trauma-support',              'health', 'Праца з псіхалагічнай траўмай',            'Trauma support',                  'Praca z traumą'),
  ('torture-documentation',       'health', 'Дакументаванне катаванняў (Стамбульскі пратакол)', 'Documenting torture (Istanbul Protocol)', 'Dokumentowanie tortur (Protokół stambulski)'),
  ('forensic-medicine',           'health', 'Судовая медыцына',                         'Forensic medicine',               'Medycyna sądowa'),
  ('first-aid',                   'health', 'Першая дапамога',                          'First aid',                       'Pierwsza pomoc'),
  ('pharmacy',                    'health', 'Фармацыя',                                 'Pharmacy',                        'Farmacja'),
  ('public-health',               'health', 'Грамадскае здароўе',                       'Public health',                   'Zdrowie publiczne'),
  ('rehabilitation',              'health', 'Рэабілітацыя',                             'Rehabilitation',                  'Rehabilitacja'),
  ('social-work',                 'health', 'Сацыяльная праца',                         'Social work',                     'Praca socjalna'),

  -- Culture and identity
  ('belarusian-history',          'culture-identity', 'Гісторыя Беларусі',              'Belarusian history',              'Historia Białorusi'),
  ('creative-writing',            'culture-identity', 'Літаратурная творчасць',         'Creative writing',                'Twórczość literacka'),
  ('music',                       'culture-identity', 'Музыка',                         'Music',                           'Muzyka'),
  ('theatre',                     'culture-identity', 'Тэатр',                          'Theatre',                         'Teatr'),
  ('visual-arts',                 'culture-identity', 'Выяўленчае мастацтва',           'Visual arts',                     'Sztuki wizualne'),
  ('film-directing',              'culture-identity', 'Кінарэжысура',                   'Film directing',                  'Reżyseria filmowa'),
  ('cultural-management',         'culture-identity', 'Культурны менеджмент',           'Cultural management',             'Zarządzanie kulturą'),
  ('heritage-preservation',       'culture-identity', 'Ахова гісторыка-культурнай спадчыны', 'Heritage preservation',      'Ochrona dziedzictwa kulturowego'),
  ('archival-work',               'culture-identity', 'Архіўная справа',                'Archival work',                   'Archiwistyka'),
  ('museum-work',                 'culture-identity', 'Музейная справа',                'Museum work',                     'Muzealnictwo'),
  ('folk-culture-crafts',         'culture-identity', 'Народная культура і рамёствы',   'Folk culture and crafts',         'Kultura ludowa i rękodzieło'),
  ('book-publishing',             'culture-identity', 'Кнігавыданне',                   'Book publishing',                 'Działalność wydawnicza'),

  -- Business
  ('entrepreneurship',            'business', 'Прадпрымальніцтва',                      'Entrepreneurship',                'Przedsiębiorczość'),
  ('business-development',        'business', 'Развіццё бізнесу',                       'Business development',            'Rozwój biznesu'),
  ('business-consulting',         'business', 'Бізнес-кансалтынг',                      'Business consulting',             'Doradztwo biznesowe'),
  ('sales',                       'business', 'Продажы',                                'Sales',                           'Sprzedaż'),
  ('marketing',                   'business', 'Маркетынг',                              'Marketing',                       'Marketing'),
  ('digital-marketing',           'business', 'Лічбавы маркетынг',                      'Digital marketing',               'Marketing cyfrowy'),
  ('e-commerce',                  'business', 'Электронная камерцыя',                   'E-commerce',                      'Handel elektroniczny'),
  ('company-registration-abroad', 'business', 'Рэгістрацыя кампаній за мяжой',          'Registering a company abroad',    'Rejestracja firmy za granicą'),
  ('hospitality',                 'business', 'Рэстаранная і гасцінічная справа',       'Hospitality',                     'Hotelarstwo i gastronomia'),
  ('real-estate',                 'business', 'Нерухомасць',                            'Real estate',                     'Nieruchomości'),

  -- Security (digital and physical)
  ('digital-security-training',   'security', 'Навучанне лічбавай бяспецы',             'Digital security training',       'Szkolenia z bezpieczeństwa cyfrowego'),
  ('cybersecurity',               'security', 'Кібербяспека',                           'Cybersecurity',                   'Cyberbezpieczeństwo'),
  ('penetration-testing',         'security', 'Тэсціраванне на пранікненне',            'Penetration testing',             'Testy penetracyjne'),
  ('incident-response',           'security', 'Рэагаванне на інцыдэнты',                'Incident response',               'Reagowanie na incydenty'),
  ('digital-forensics',           'security', 'Лічбавая крыміналістыка',                'Digital forensics',               'Informatyka śledcza'),
  ('threat-modelling',            'security', 'Мадэляванне пагроз',                     'Threat modelling',                'Modelowanie zagrożeń'),
  ('secure-communications',       'security', 'Бяспечная сувязь',                       'Secure communications',           'Bezpieczna komunikacja'),
  ('operational-security',        'security', 'Аперацыйная бяспека (OPSEC)',            'Operational security (OPSEC)',    'Bezpieczeństwo operacyjne (OPSEC)'),
  ('physical-security',           'security', 'Фізічная бяспека',                       'Physical security',               'Bezpieczeństwo fizyczne'),
  ('security-risk-assessment',    'security', 'Ацэнка рызыкаў бяспекі',                 'Security risk assessment',        'Ocena ryzyka bezpieczeństwa'),
  ('hostile-environment-training', 'security', 'Падрыхтоўка да працы ў небяспечных умовах (HEAT)', 'Hostile environment awareness training (HEAT)', 'Przygotowanie do pracy w niebezpiecznych warunkach (HEAT)'),

  -- Logistics and volunteering
  ('event-organisation',          'logistics-volunteering', 'Арганізацыя мерапрыемстваў', 'Event organisation',            'Organizacja wydarzeń'),
  ('logistics',                   'logistics-volunteering', 'Лагістыка',                 'Logistics',                      'Logistyka'),
  ('volunteer-coordination',      'logistics-volunteering', 'Каардынацыя валанцёраў',    'Volunteer coordination',         'Koordynacja wolontariuszy'),
  ('humanitarian-aid',            'logistics-volunteering', 'Гуманітарная дапамога',     'Humanitarian aid',               'Pomoc humanitarna'),
  ('refugee-support',             'logistics-volunteering', 'Падтрымка ўцекачоў і рэлакантаў', 'Supporting refugees and relocated people', 'Pomoc uchodźcom i osobom relokowanym'),
  ('housing-assistance',          'logistics-volunteering', 'Дапамога з пошукам жылля',  'Housing assistance',             'Pomoc w znalezieniu mieszkania'),
  ('purchasing-supplies',         'logistics-volunteering', 'Закупкі і забеспячэнне',    'Purchasing and supplies',        'Zakupy i zaopatrzenie'),
  ('shipping-customs',            'logistics-volunteering', 'Перавозкі і мытнае афармленне', 'Shipping and customs',       'Spedycja i odprawa celna'),
  ('crisis-hotline',              'logistics-volunteering', 'Праца на гарачай лініі',    'Crisis hotline support',         'Dyżury na infolinii kryzysowej'),

  -- Research and analysis
  ('data-analysis',               'research-analysis', 'Аналіз даных',                  'Data analysis',                   'Analiza danych'),
  ('osint',                       'research-analysis', 'Аналіз адкрытых крыніц (OSINT)', 'Open-source intelligence (OSINT)', 'Biały wywiad (OSINT)'),
  ('data-visualisation',          'research-analysis', 'Візуалізацыя даных',            'Data visualisation',              'Wizualizacja danych'),
  ('statistics',                  'research-analysis', 'Статыстыка',                    'Statistics',                      'Statystyka'),
  ('sociological-research',       'research-analysis', 'Сацыялагічныя даследаванні',    'Sociological research',           'Badania socjologiczne'),
  ('polling-surveys',             'research-analysis', 'Апытанні грамадскай думкі',     'Polling and surveys',             'Badania opinii publicznej'),
  ('policy-analysis',             'research-analysis', 'Аналіз публічнай палітыкі',     'Policy analysis',                 'Analiza polityk publicznych'),
  ('economic-research',           'research-analysis', 'Эканамічныя даследаванні',      'Economic research',               'Badania ekonomiczne'),
  ('security-defence-analysis',   'research-analysis', 'Аналітыка бяспекі і абароны',   'Security and defence analysis',   'Analiza bezpieczeństwa i obronności'),
  ('geospatial-analysis',         'research-analysis', 'Геапрасторавы аналіз (ГІС)',    'Geospatial analysis (GIS)',       'Analiza geoprzestrzenna (GIS)'),
  ('academic-writing',            'research-analysis', 'Акадэмічнае пісьмо',            'Academic writing',                'Pisanie tekstów naukowych'),

  -- Communication and advocacy
  ('public-speaking',             'communication-advocacy', 'Публічныя выступленні',    'Public speaking',                 'Wystąpienia publiczne'),
  ('advocacy',                    'communication-advocacy', 'Адвакацыя',                'Advocacy',                        'Rzecznictwo'),
  ('lobbying',                    'communication-advocacy', 'Лабіраванне',              'Lobbying',                        'Lobbing'),
  ('public-relations',            'communication-advocacy', 'Сувязі з грамадскасцю (PR)', 'Public relations (PR)',         'Public relations (PR)'),
  ('media-relations',             'communication-advocacy', 'Праца з медыя',            'Media relations',                 'Współpraca z mediami'),
  ('crisis-communication',        'communication-advocacy', 'Крызісная камунікацыя',    'Crisis communication',            'Komunikacja kryzysowa'),
  ('public-campaigns',            'communication-advocacy', 'Грамадскія кампаніі',      'Public campaigns',                'Kampanie społeczne'),
  ('election-campaigns',          'communication-advocacy', 'Выбарчыя кампаніі',        'Election campaigns',              'Kampanie wyborcze'),
  ('negotiation',                 'communication-advocacy', 'Перамовы',                 'Negotiation',                     'Negocjacje'),
  ('coalition-building',          'communication-advocacy', 'Пабудова кааліцый',        'Coalition building',              'Budowanie koalicji'),
  ('community-organising',        'communication-advocacy', 'Арганізацыя мясцовых супольнасцяў', 'Community organising',  'Organizowanie społeczności lokalnych'),
  ('diaspora-engagement',         'communication-advocacy', 'Праца з дыяспарай',        'Diaspora engagement',             'Praca z diasporą'),

  -- Languages and translation
  ('translation-belarusian-english',    'languages-translation', 'Беларуска-англійскі пераклад',  'Belarusian-English translation',    'Tłumaczenie białorusko-angielskie'),
  ('translation-belarusian-polish',     'languages-translation', 'Беларуска-польскі пераклад',    'Belarusian-Polish translation',     'Tłumaczenie białorusko-polskie'),
  ('translation-belarusian-lithuanian', 'languages-translation', 'Беларуска-літоўскі пераклад',   'Belarusian-Lithuanian translation', 'Tłumaczenie białorusko-litewskie'),
  ('translation-belarusian-german',     'languages-translation', 'Беларуска-нямецкі пераклад',    'Belarusian-German translation',     'Tłumaczenie białorusko-niemieckie'),
  ('translation-russian-english',       'languages-translation', 'Руска-англійскі пераклад',      'Russian-English translation',       'Tłumaczenie rosyjsko-angielskie'),
  ('consecutive-interpreting',    'languages-translation', 'Паслядоўны пераклад',       'Consecutive interpreting',        'Tłumaczenie konsekutywne'),
  ('simultaneous-interpreting',   'languages-translation', 'Сінхронны пераклад',        'Simultaneous interpreting',       'Tłumaczenie symultaniczne'),
  ('sworn-translation',           'languages-translation', 'Прысяжны пераклад',         'Sworn translation',               'Tłumaczenie przysięgłe'),
  ('belarusian-language-teaching', 'languages-translation', 'Выкладанне беларускай мовы', 'Teaching Belarusian',           'Nauczanie języka białoruskiego'),
  ('foreign-language-teaching',   'languages-translation', 'Выкладанне замежных моў',   'Teaching foreign languages',      'Nauczanie języków obcych'),
  ('belarusian-editing',          'languages-translation', 'Рэдагаванне беларускамоўных тэкстаў', 'Editing Belarusian texts', 'Redakcja tekstów białoruskojęzycznych'),
  ('subtitling',                  'languages-translation', 'Субтытраванне',             'Subtitling',                      'Tworzenie napisów'),
  ('localisation',                'languages-translation', 'Лакалізацыя',               'Localisation',                    'Lokalizacja');

-- -------------------------------------------------------------------------------------
-- Countries (ISO 3166-1 alpha-2) where members live. No BY: see the header.
-- -------------------------------------------------------------------------------------
insert into app.countries (code, name_be, name_en, name_pl) values
  ('AE', 'Аб''яднаныя Арабскія Эміраты', 'United Arab Emirates', 'Zjednoczone Emiraty Arabskie'),
  ('AL', 'Албанія',                   'Albania',                'Albania'),
  ('AM', 'Арменія',                   'Armenia',                'Armenia'),
  ('AR', 'Аргенціна',                 'Argentina',              'Argentyna'),
  ('AT', 'Аўстрыя',                   'Austria',                'Austria'),
  ('AU', 'Аўстралія',                 'Australia',              'Australia'),
  ('AZ', 'Азербайджан',               'Azerbaijan',             'Azerbejdżan'),
  ('BA', 'Боснія і Герцагавіна',      'Bosnia and Herzegovina', 'Bośnia i Hercegowina'),
  ('BE', 'Бельгія',                   'Belgium',                'Belgia'),
  ('BG', 'Балгарыя',                  'Bulgaria',               'Bułgaria'),
  ('BR', 'Бразілія',                  'Brazil',                 'Brazylia'),
  ('CA', 'Канада',                    'Canada',                 'Kanada'),
  ('CH', 'Швейцарыя',                 'Switzerland',            'Szwajcaria'),
  ('CY', 'Кіпр',                      'Cyprus',                 'Cypr'),
  ('CZ', 'Чэхія',                     'Czechia',                'Czechy'),
  ('DE', 'Германія',                  'Germany',                'Niemcy'),
  ('DK', 'Данія',                     'Denmark',                'Dania'),
  ('EE', 'Эстонія',                   'Estonia',                'Estonia'),
  ('ES', 'Іспанія',                   'Spain',                  'Hiszpania'),
  ('FI', 'Фінляндыя',                 'Finland',                'Finlandia'),
  ('FR', 'Францыя',                   'France',                 'Francja'),
  ('GB', 'Вялікабрытанія',            'United Kingdom',         'Wielka Brytania'),
  ('GE', 'Грузія',                    'Georgia',                'Gruzja'),
  ('GR', 'Грэцыя',                    'Greece',                 'Grecja'),
  ('HR', 'Харватыя',                  'Croatia',                'Chorwacja'),
  ('HU', 'Венгрыя',                   'Hungary',                'Węgry'),
  ('IE', 'Ірландыя',                  'Ireland',                'Irlandia'),
  ('IL', 'Ізраіль',                   'Israel',                 'Izrael'),
  ('IS', 'Ісландыя',                  'Iceland',                'Islandia'),
  ('IT', 'Італія',                    'Italy',                  'Włochy'),
  ('JP', 'Японія',                    'Japan',                  'Japonia'),
  ('KG', 'Кыргызстан',                'Kyrgyzstan',             'Kirgistan'),
  ('KR', 'Паўднёвая Карэя',           'South Korea',            'Korea Południowa'),
  ('KZ', 'Казахстан',                 'Kazakhstan',             'Kazachstan'),
  ('LT', 'Літва',                     'Lithuania',              'Litwa'),
  ('LU', 'Люксембург',                'Luxembourg',             'Luksemburg'),
  ('LV', 'Латвія',                    'Latvia',                 'Łotwa'),
  ('MD', 'Малдова',                   'Moldova',                'Mołdawia'),
  ('ME', 'Чарнагорыя',                'Montenegro',             'Czarnogóra'),
  ('MK', 'Паўночная Македонія',       'North Macedonia',        'Macedonia Północna'),
  ('MT', 'Мальта',                    'Malta',                  'Malta'),
  ('MX', 'Мексіка',                   'Mexico',                 'Meksyk'),
  ('NL', 'Нідэрланды',                'Netherlands',            'Niderlandy'),
  ('NO', 'Нарвегія',                  'Norway',                 'Norwegia'),
  ('NZ', 'Новая Зеландыя',            'New Zealand',            'Nowa Zelandia'),
  ('PL', 'Польшча',                   'Poland',                 'Polska'),
  ('PT', 'Партугалія',                'Portugal',               'Portugalia'),
  ('RO', 'Румынія',                   'Romania',                'Rumunia'),
  ('RS', 'Сербія',                    'Serbia',                 'Serbia'),
  ('SE', 'Швецыя',                    'Sweden',                 'Szwecja'),
  ('SI', 'Славенія',                  'Slovenia',               'Słowenia'),
  ('SK', 'Славакія',                  'Slovakia',               'Słowacja'),
  ('TH', 'Тайланд',                   'Thailand',               'Tajlandia'),
  ('TR', 'Турцыя',                    'Turkey',                 'Turcja'),
  ('UA', 'Украіна',                   'Ukraine',                'Ukraina'),
  ('US', 'Злучаныя Штаты Амерыкі',    'United States',          'Stany Zjednoczone'),
  ('UZ', 'Узбекістан',                'Uzbekistan',             'Uzbekistan');

-- -------------------------------------------------------------------------------------
-- Cities where the diaspora lives. No Belarusian city: see the header.
--
-- aliases: the other spellings people type, so search finds Вільня from "Wilno" or "Вильнюс":
-- Belarusian Łacinka, a plain Latin transliteration of the Belarusian name, the native name, the
-- Russian spelling, the German name where one is in use, and the ASCII folding of a name with
-- diacritics. A spelling already in name_be, name_en or name_pl is not repeated.
-- -------------------------------------------------------------------------------------
insert into app.cities (id, country_code, name_be, name_en, name_pl, aliases) values
  -- Poland
  ('warsaw',      'PL', 'Варшава',   'Warsaw',    'Warszawa',  array['Varšava', 'Varshava', 'Warschau']),
  ('bialystok',   'PL', 'Беласток',  'Białystok', 'Białystok', array['Biełastok', 'Bielastok', 'Белосток', 'Bialystok']),
  ('krakow',      'PL', 'Кракаў',    'Kraków',    'Kraków',    array['Krakaŭ', 'Krakau', 'Краков', 'Krakow', 'Cracow']),
  ('wroclaw',     'PL', 'Вроцлаў',   'Wrocław',   'Wrocław',   array['Vrocłaŭ', 'Vroclau', 'Вроцлав', 'Wroclaw', 'Breslau']),
  ('gdansk',      'PL', 'Гданьск',   'Gdańsk',    'Gdańsk',    array['Hdańsk', 'Hdansk', 'Gdansk', 'Danzig']),
  ('gdynia',      'PL', 'Гдыня',     'Gdynia',    'Gdynia',    array['Hdynia', 'Gdingen']),
  ('sopot',       'PL', 'Сопат',     'Sopot',     'Sopot',     array['Sopat', 'Сопот', 'Zoppot']),
  ('poznan',      'PL', 'Познань',   'Poznań',    'Poznań',    array['Poznan', 'Posen']),
  ('lodz',        'PL', 'Лодзь',     'Łódź',      'Łódź',      array['Łodź', 'Lodz']),
  ('lublin',      'PL', 'Люблін',    'Lublin',    'Lublin',    array['Liublin', 'Люблин']),
  ('katowice',    'PL', 'Катавіцы',  'Katowice',  'Katowice',  array['Katavicy', 'Katavitsy', 'Катовице', 'Kattowitz']),
  ('szczecin',    'PL', 'Шчэцін',    'Szczecin',  'Szczecin',  array['Ščecin', 'Shchetsin', 'Щецин', 'Stettin']),
  ('rzeszow',     'PL', 'Жэшаў',     'Rzeszów',   'Rzeszów',   array['Žešaŭ', 'Zheshau', 'Жешув', 'Rzeszow']),
  ('torun',       'PL', 'Торунь',    'Toruń',     'Toruń',     array['Torun', 'Thorn']),
  ('olsztyn',     'PL', 'Ольштын',   'Olsztyn',   'Olsztyn',   array['Olštyn', 'Olshtyn', 'Allenstein']),
  ('bydgoszcz',   'PL', 'Быдгашч',   'Bydgoszcz', 'Bydgoszcz', array['Bydhašč', 'Bydhashch', 'Быдгощ', 'Bromberg']),

  -- Lithuania: the Belarusian name is the historical Вільня; the official Вільнюс is an alias.
  ('vilnius',     'LT', 'Вільня',    'Vilnius',   'Wilno',     array['Vilnia', 'Vilnya', 'Вільнюс', 'Вильнюс', 'Wilna']),
  ('kaunas',      'LT', 'Каўнас',    'Kaunas',    'Kowno',     array['Kaŭnas', 'Коўна', 'Koŭna', 'Каунас', 'Kauen']),
  ('klaipeda',    'LT', 'Клайпеда',  'Klaipėda',  'Kłajpeda',  array['Kłajpieda', 'Klajpieda', 'Klaipeda', 'Klajpeda', 'Memel']),

  -- Latvia and Estonia
  ('riga',        'LV', 'Рыга',      'Riga',      'Ryga',      array['Ryha', 'Rīga', 'Рига']),
  ('daugavpils',  'LV', 'Даўгаўпілс', 'Daugavpils', 'Dyneburg', array['Daŭhaŭpils', 'Dauhaupils', 'Дзвінск', 'Dzvinsk', 'Dźwińsk', 'Даугавпилс', 'Двинск', 'Dünaburg']),
  ('tallinn',     'EE', 'Талін',     'Tallinn',   'Tallinn',    array['Talin', 'Tallin', 'Таллин', 'Таллинн', 'Reval']),

  -- Germany
  ('berlin',      'DE', 'Берлін',    'Berlin',    'Berlin',    array['Bierlin', 'Берлин']),
  ('munich',      'DE', 'Мюнхен',    'Munich',    'Monachium', array['München', 'Muenchen', 'Munchen', 'Miunchien']),
  ('frankfurt',   'DE', 'Франкфурт-на-Майне', 'Frankfurt', 'Frankfurt nad Menem', array['Frankfurt am Main', 'Frankfurt-na-Majnie', 'Франкфурт']),
  ('hamburg',     'DE', 'Гамбург',   'Hamburg',   'Hamburg',   array['Hamburh', 'Gamburg']),
  ('cologne',     'DE', 'Кёльн',     'Cologne',   'Kolonia',   array['Köln', 'Koeln', 'Koln', 'Kioln', 'Кельн']),
  ('leipzig',     'DE', 'Лейпцыг',   'Leipzig',   'Lipsk',     array['Lejpcyh', 'Lejptsyh', 'Лейпциг']),
  ('dresden',     'DE', 'Дрэздэн',   'Dresden',   'Drezno',    array['Drezden', 'Дрезден']),
  ('stuttgart',   'DE', 'Штутгарт',  'Stuttgart', 'Stuttgart', array['Štuthart', 'Shtutgart']),

  -- Czechia
  ('prague',      'CZ', 'Прага',     'Prague',    'Praga',     array['Praha', 'Prag']),
  ('brno',        'CZ', 'Брно',      'Brno',      'Brno',      array['Brünn', 'Brunn']),

  -- Georgia
  ('tbilisi',     'GE', 'Тбілісі',   'Tbilisi',   'Tbilisi',   array['თბილისი', 'Тбилиси', 'Tiflis']),
  ('batumi',      'GE', 'Батумі',    'Batumi',    'Batumi',    array['ბათუმი', 'Батуми']),
  ('kutaisi',     'GE', 'Кутаісі',   'Kutaisi',   'Kutaisi',   array['ქუთაისი', 'Кутаиси']),

  -- Ukraine
  ('kyiv',        'UA', 'Кіеў',      'Kyiv',      'Kijów',     array['Kijeŭ', 'Kieu', 'Київ', 'Kyjiv', 'Kiev', 'Киев', 'Kijow']),
  ('lviv',        'UA', 'Львоў',     'Lviv',      'Lwów',      array['Lvoŭ', 'Lvou', 'Львів', 'Львов', 'Lvov', 'Lwow', 'Lemberg']),

  -- Western and Northern Europe
  ('london',      'GB', 'Лондан',    'London',    'Londyn',    array['Łondan', 'Londan', 'Лондон']),
  ('dublin',      'IE', 'Дублін',    'Dublin',    'Dublin',    array['Baile Átha Cliath', 'Дублин']),
  ('amsterdam',   'NL', 'Амстэрдам', 'Amsterdam', 'Amsterdam', array['Амстердам', 'Amsterdamas']),
  ('brussels',    'BE', 'Брусель',   'Brussels',  'Bruksela',  array['Bruxelles', 'Brussel', 'Brusel', 'Брюссель']),
  ('paris',       'FR', 'Парыж',     'Paris',     'Paryż',     array['Paryž', 'Paryzh', 'Paryz', 'Париж']),
  ('vienna',      'AT', 'Вена',      'Vienna',    'Wiedeń',    array['Wien', 'Viena', 'Wieden']),
  ('zurich',      'CH', 'Цюрых',     'Zurich',    'Zurych',    array['Zürich', 'Zuerich', 'Ciurych', 'Tsiurykh', 'Цюрих']),
  ('geneva',      'CH', 'Жэнева',    'Geneva',    'Genewa',    array['Genève', 'Geneve', 'Genf', 'Ženeva', 'Zheneva', 'Женева']),
  ('stockholm',   'SE', 'Стакгольм', 'Stockholm', 'Sztokholm', array['Stakholm', 'Стокгольм']),
  ('oslo',        'NO', 'Осла',      'Oslo',      'Oslo',      array['Osła', 'Osla', 'Осло']),
  ('helsinki',    'FI', 'Хельсінкі', 'Helsinki',  'Helsinki',  array['Chielsinki', 'Khelsinki', 'Хельсинки', 'Helsingfors']),
  ('copenhagen',  'DK', 'Капенгаген', 'Copenhagen', 'Kopenhaga', array['København', 'Kobenhavn', 'Kapienhahien', 'Копенгаген']),

  -- Southern, Central and South-Eastern Europe
  ('lisbon',      'PT', 'Лісабон',   'Lisbon',    'Lizbona',   array['Lisboa', 'Lisabon', 'Лиссабон']),
  ('madrid',      'ES', 'Мадрыд',    'Madrid',    'Madryt',    array['Madryd', 'Мадрид']),
  ('barcelona',   'ES', 'Барселона', 'Barcelona', 'Barcelona', array['Barsiełona', 'Barselona']),
  ('rome',        'IT', 'Рым',       'Rome',      'Rzym',      array['Roma', 'Rym', 'Рим']),
  ('milan',       'IT', 'Мілан',     'Milan',     'Mediolan',  array['Milano', 'Miłan', 'Милан']),
  ('budapest',    'HU', 'Будапешт',  'Budapest',  'Budapeszt', array['Budapiešt', 'Budapesht']),
  ('bratislava',  'SK', 'Браціслава', 'Bratislava', 'Bratysława', array['Bracisłava', 'Bratsislava', 'Bratyslawa', 'Братислава', 'Pressburg']),
  ('ljubljana',   'SI', 'Любляна',   'Ljubljana', 'Lublana',   array['Liubliana', 'Laibach']),
  ('bucharest',   'RO', 'Бухарэст',  'Bucharest', 'Bukareszt', array['București', 'Bucuresti', 'Бухарест']),
  ('chisinau',    'MD', 'Кішынёў',   'Chișinău',  'Kiszyniów', array['Kišynioŭ', 'Kishyniou', 'Chisinau', 'Kiszyniow', 'Кишинёв', 'Kishinev']),
  ('belgrade',    'RS', 'Бялград',   'Belgrade',  'Belgrad',   array['Beograd', 'Београд', 'Białhrad', 'Bialhrad', 'Белград']),
  ('podgorica',   'ME', 'Падгорыца', 'Podgorica', 'Podgorica', array['Подгорица', 'Padhoryca', 'Padhorytsa']),
  ('athens',      'GR', 'Афіны',     'Athens',    'Ateny',     array['Αθήνα', 'Athina', 'Afiny', 'Афины']),
  ('limassol',    'CY', 'Лімасол',   'Limassol',  'Limassol',  array['Λεμεσός', 'Lemesos', 'Limasoł', 'Лимасол']),

  -- Caucasus, Türkiye, Middle East and Central Asia
  ('yerevan',     'AM', 'Ерэван',    'Yerevan',   'Erywań',    array['Երևան', 'Jerevan', 'Erevan', 'Erywan', 'Ереван']),
  ('istanbul',    'TR', 'Стамбул',   'Istanbul',  'Stambuł',   array['İstanbul', 'Stambul']),
  ('tel-aviv',    'IL', 'Тэль-Авіў', 'Tel Aviv',  'Tel Awiw',  array['תל אביב', 'Tel-Aviŭ', 'Tel-Aviu', 'Тель-Авив']),
  ('dubai',       'AE', 'Дубай',     'Dubai',     'Dubaj',     array['دبي', 'Dubay']),
  ('astana',      'KZ', 'Астана',    'Astana',    'Astana',    array['Nur-Sultan', 'Нур-Султан']),
  ('almaty',      'KZ', 'Алматы',    'Almaty',    'Ałmaty',    array['Alma-Ata', 'Алма-Ата']),

  -- North America and Australia
  ('new-york',    'US', 'Нью-Ёрк',   'New York',  'Nowy Jork', array['Nju-Jork', 'Nyu-York', 'Нью-Йорк', 'NYC']),
  ('chicago',     'US', 'Чыкага',    'Chicago',   'Chicago',   array['Čykaha', 'Chykaha', 'Чикаго']),
  ('los-angeles', 'US', 'Лос-Анджэлес', 'Los Angeles', 'Los Angeles', array['Łos-Andželes', 'Los-Andzheles', 'Лос-Анджелес']),
  ('san-francisco', 'US', 'Сан-Францыска', 'San Francisco', 'San Francisco', array['San-Francyska', 'San-Frantsyska', 'Сан-Франциско']),
  ('toronto',     'CA', 'Таронта',   'Toronto',   'Toronto',   array['Taronta', 'Торонто']),
  ('vancouver',   'CA', 'Ванкувер',  'Vancouver', 'Vancouver', array['Vankuvier', 'Vankuver']),
  ('sydney',      'AU', 'Сідней',    'Sydney',    'Sydney',    array['Sidniej', 'Sidney', 'Сидней']);

-- -------------------------------------------------------------------------------------
-- Languages (ISO 639-1) a member may speak. Sign languages have no ISO 639-1 code and are
-- left to free tags for now.
-- -------------------------------------------------------------------------------------
insert into app.languages (code, name_be, name_en, name_pl) values
  ('be', 'Беларуская',      'Belarusian',  'Białoruski'),
  ('uk', 'Украінская',      'Ukrainian',   'Ukraiński'),
  ('pl', 'Польская',        'Polish',      'Polski'),
  ('lt', 'Літоўская',       'Lithuanian',  'Litewski'),
  ('lv', 'Латышская',       'Latvian',     'Łotewski'),
  ('et', 'Эстонская',       'Estonian',    'Estoński'),
  ('ru', 'Руская',          'Russian',     'Rosyjski'),
  ('en', 'Англійская',      'English',     'Angielski'),
  ('de', 'Нямецкая',        'German',      'Niemiecki'),
  ('fr', 'Французская',     'French',      'Francuski'),
  ('es', 'Іспанская',       'Spanish',     'Hiszpański'),
  ('it', 'Італьянская',     'Italian',     'Włoski'),
  ('pt', 'Партугальская',   'Portuguese',  'Portugalski'),
  ('nl', 'Нідэрландская',   'Dutch',       'Niderlandzki'),
  ('cs', 'Чэшская',         'Czech',       'Czeski'),
  ('sk', 'Славацкая',       'Slovak',      'Słowacki'),
  ('sl', 'Славенская',      'Slovenian',   'Słoweński'),
  ('hr', 'Харвацкая',       'Croatian',    'Chorwacki'),
  ('sr', 'Сербская',        'Serbian',     'Serbski'),
  ('bs', 'Баснійская',      'Bosnian',     'Bośniacki'),
  ('mk', 'Македонская',     'Macedonian',  'Macedoński'),
  ('sq', 'Албанская',       'Albanian',    'Albański'),
  ('bg', 'Балгарская',      'Bulgarian',   'Bułgarski'),
  ('ro', 'Румынская',       'Romanian',    'Rumuński'),
  ('hu', 'Венгерская',      'Hungarian',   'Węgierski'),
  ('el', 'Грэчаская',       'Greek',       'Grecki'),
  ('fi', 'Фінская',         'Finnish',     'Fiński'),
  ('sv', 'Шведская',        'Swedish',     'Szwedzki'),
  ('no', 'Нарвежская',      'Norwegian',   'Norweski'),
  ('da', 'Дацкая',          'Danish',      'Duński'),
  ('is', 'Ісландская',      'Icelandic',   'Islandzki'),
  ('ga', 'Ірландская',      'Irish',       'Irlandzki'),
  ('ka', 'Грузінская',      'Georgian',    'Gruziński'),
  ('hy', 'Армянская',       'Armenian',    'Ormiański'),
  ('az', 'Азербайджанская', 'Azerbaijani', 'Azerski'),
  ('kk', 'Казахская',       'Kazakh',      'Kazachski'),
  ('ky', 'Кіргізская',      'Kyrgyz',      'Kirgiski'),
  ('uz', 'Узбекская',       'Uzbek',       'Uzbecki'),
  ('tg', 'Таджыкская',      'Tajik',       'Tadżycki'),
  ('tr', 'Турэцкая',        'Turkish',     'Turecki'),
  ('he', 'Іўрыт',           'Hebrew',      'Hebrajski'),
  ('yi', 'Ідыш',            'Yiddish',     'Jidysz'),
  ('ar', 'Арабская',        'Arabic',      'Arabski'),
  ('fa', 'Персідская',      'Persian',     'Perski'),
  ('hi', 'Хіндзі',          'Hindi',       'Hindi'),
  ('zh', 'Кітайская',       'Chinese',     'Chiński'),
  ('ja', 'Японская',        'Japanese',    'Japoński'),
  ('ko', 'Карэйская',       'Korean',      'Koreański'),
  ('eo', 'Эсперанта',       'Esperanto',   'Esperanto');
