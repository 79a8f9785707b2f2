# claimcheck's built-in subject lexicon.
#
# Format: `[section]` headers, then `word = value` lines; `#` starts a comment. Words are
# matched case-insensitively; multi-word entries (e.g. "permanent resident") are allowed in
# [status] and [noun]. A user extends this table with `claimcheck --lexicon FILE` or
# `Lexicon::extend_from_str`; later entries override earlier ones.

[nationality]
# Demonyms, adjectives and country names -> canonical demonym used in subject keys.
american = american
americans = american
us = american
u.s = american
u.s. = american
usa = american
united states = american
the united states = american
america = american
iranian = iranian
iranians = iranian
iran = iranian
french = french
frenchman = french
frenchmen = french
france = french
british = british
briton = british
britons = british
britain = british
uk = british
u.k. = british
english = british
german = german
germans = german
germany = german
austrian = austrian
austrians = austrian
swedish = swedish
swede = swedish
swedes = swedish
canadian = canadian
canadians = canadian
australian = australian
australians = australian
chinese = chinese
russian = russian
russians = russian
israeli = israeli
israelis = israeli
iraqi = iraqi
iraqis = iraqi
lebanese = lebanese
belgian = belgian
belgians = belgian
dutch = dutch
italian = italian
italians = italian
spanish = spanish
japanese = japanese
indian = indian
indians = indian
omani = omani
european = european
europeans = european
western = western
westerner = western
westerners = western
foreign = foreign
foreigner = foreign
foreigners = foreign

[person]
# Head nouns that only say "people of this nationality/status", with the role they imply
# ("detainee", "protesting") or "person"; a role found in the clause takes precedence.
person = person
people = person
persons = person
citizen = person
citizens = person
national = person
nationals = person
individual = person
individuals = person
hostage = detainee
hostages = detainee
detainee = detainee
detainees = detainee
prisoner = detainee
prisoners = detainee
captive = detainee
captives = detainee
inmate = detainee
inmates = detainee
demonstrator = protesting
demonstrators = protesting
protester = protesting
protesters = protesting
protestor = protesting
protestors = protesting
marcher = protesting
marchers = protesting

[status]
# Legal statuses that make a different group from plain nationals.
dual national = dual-national
dual nationals = dual-national
dual citizen = dual-national
dual citizens = dual-national
permanent resident = permanent-resident
permanent residents = permanent-resident
green card holder = permanent-resident
green card holders = permanent-resident

[role]
# Words in the clause that say what happened to the people counted.
held = detained
holding = detained
holds = detained
hold = detained
detained = detained
detaining = detained
detain = detained
jailed = detained
jailing = detained
jails = detained
detains = detained
imprisons = detained
incarcerated = detained
imprisoned = detained
imprisoning = detained
arrested = detained
arresting = detained
abducted = detained
kidnapped = detained
captive = detained
custody = detained
prison = detained
prisons = detained
jail = detained
killed = killed
killing = killed
kills = killed
dead = killed
died = killed
deaths = killed
death = killed
perished = killed
injured = injured
wounded = injured
hurt = injured
rescued = rescued
freed = released
released = released
release = released
freeing = released
missing = missing
clemency = pardoned
pardon = pardoned
pardons = pardoned
commuted = pardoned
charges = charged
charged = charged
indicted = charged
evacuated = evacuated
marched = protesting
marching = protesting
protested = protesting
demonstrated = protesting
rallied = protesting
displaced = displaced

[noun]
# Lemma synonyms for other head nouns: `form = canonical`.
fund = funds
funds = funds
asset = funds
assets = funds
round = round
earthquake = earthquake
earthquakes = earthquake
quake = earthquake
quakes = earthquake
tremor = earthquake
deal = deal
deals = deal
agreement = deal
swap = deal
swaps = deal
exchange = deal
rounds = round
child = child
children = child
man = man
men = man
woman = woman
women = woman
fatality = killed
fatalities = killed
casualty = casualty
casualties = casualty
