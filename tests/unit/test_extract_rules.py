"""Extraction rules on sentences written for these tests: one fact pattern (or trap) per case.

Each case is a short passage and the exact set of (subject, predicate, object, status) the
extractor must return for it: nothing more, nothing less.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph.ingest.load import Document
from graph.ingest.mentions import described_agreements, find_mentions
from graph.ingest.pipeline import extract_document
from graph.ingest.resolve import resolve
from graph.ingest.sentences import split_sentences

pytestmark = pytest.mark.unit

R, M, N = "RECOGNIZES", "MEMBER_OF", "NEGOTIATING_WITH"

CASES: list[tuple[str, set[tuple[str, str, str, str]]]] = [
    # recognition: active, coordinated subjects, statuses
    (
        "Chile, Peru and Bolivia recognised the State of Palestine on Monday.",
        {("CHL", R, "PSE", "in_force"), ("PER", R, "PSE", "in_force"), ("BOL", R, "PSE", "in_force")},
    ),
    ("Portugal said it would recognise Palestine next month.", {("PRT", R, "PSE", "announced")}),
    ("Spain will not recognise Kosovo, its foreign minister said.", {("ESP", R, "XKX", "denied")}),
    ("Greece has no plans to recognise Kosovo.", {("GRC", R, "XKX", "denied")}),
    (
        "Taiwan is still recognised by Haiti and Tuvalu.",
        {("HTI", R, "TWN", "in_force"), ("TUV", R, "TWN", "in_force")},
    ),
    ("Palau withdrew its recognition of Kosovo in 2019.", {("PLW", R, "XKX", "ended")}),
    # conditions, reported conditions and capitals are not facts
    (
        "Oman would recognise Israel only if Israel recognises a Palestinian state.",
        {("OMN", R, "ISR", "proposed")},
    ),
    ("Norway may one day recognise Jerusalem as the capital of Israel.", set()),
    # diplomatic ties
    (
        "Ecuador and Uruguay restored full diplomatic relations on Friday.",
        {("ECU", R, "URY", "in_force"), ("URY", R, "ECU", "in_force")},
    ),
    ("Bahrain cut diplomatic ties with Iran.", {("BHR", R, "IRN", "ended")}),
    (
        "Honduras switched recognition from Taiwan to China.",
        {("HND", R, "CHN", "in_force"), ("HND", R, "TWN", "ended")},
    ),
    (
        "Mexico and Jamaica have no diplomatic relations.",
        {("MEX", R, "JAM", "denied"), ("JAM", R, "MEX", "denied")},
    ),
    (
        "Jordan never broke off relations with Israel during the war.",
        {("JOR", R, "ISR", "in_force"), ("ISR", R, "JOR", "in_force")},
    ),
    ("Chile kept its embassy in Kyiv open.", {("CHL", R, "UKR", "in_force"), ("UKR", R, "CHL", "in_force")}),
    ("Ghana and Kenya have kept their embassies open despite the fighting.", set()),
    # no relations is a state of both sides; a stated intention is only the speaker's
    (
        "Bhutan has never had diplomatic relations with China.",
        {("BTN", R, "CHN", "denied"), ("CHN", R, "BTN", "denied")},
    ),
    ("Oman says it will have no relations with Israel.", {("OMN", R, "ISR", "denied")}),
    (
        "Riyadh and Tehran restored their own ties last year.",
        {("SAU", R, "IRN", "in_force"), ("IRN", R, "SAU", "in_force")},
    ),
    ("Palau decided to sever its 20-year relationship with Taiwan.", {("PLW", R, "TWN", "ended")}),
    ("Togo, Benin and Niger still maintain formal ties with it.", set()),
    (
        "Cuba and Bolivia recognise the Sahrawi republic, and Algeria hosts the refugees.",
        {("CUB", R, "ESH", "in_force"), ("BOL", R, "ESH", "in_force")},
    ),
    ("Kosovo declared independence in 2008. It says 114 countries now recognise it.", set()),
    ("Senegal went over to Beijing.", {("SEN", R, "CHN", "in_force"), ("SEN", R, "TWN", "ended")}),
    (
        "Vanuatu gave recognition to Abkhazia but reversed course, establishing relations with Georgia.",
        {("VUT", R, "ABKHAZIA", "in_force"), ("VUT", R, "GEO", "in_force"), ("GEO", R, "VUT", "in_force")},
    ),
    (
        "Tuvalu recognised Abkhazia in 2011, joining Russia and Nauru.",
        {("TUV", R, "ABKHAZIA", "in_force"), ("RUS", R, "ABKHAZIA", "in_force")}
        | {("NRU", R, "ABKHAZIA", "in_force")},
    ),
    (
        "Serbia refuses to recognise Kosovo. Spain, Slovakia and Greece have not, citing separatism.",
        {(country, R, "XKX", "denied") for country in ("SRB", "ESP", "SVK", "GRC")},
    ),
    (
        "Bahrain and Egypt cut diplomatic and transport links with Qatar.",
        {("BHR", R, "QAT", "ended"), ("EGY", R, "QAT", "ended")},
    ),
    (
        "Washington transferred its recognition to Beijing from Taipei in 1979.",
        {("USA", R, "CHN", "in_force"), ("USA", R, "TWN", "ended")},
    ),
    (
        # (the ordinal's own act is Abkhazia's recognition, not the break; "it" is read as Russia)
        "Ukraine cut ties with Syria after Damascus became the second state, after Russia, to say it "
        "recognised Abkhazia.",
        {("UKR", R, "SYR", "ended"), ("RUS", R, "ABKHAZIA", "in_force")},
    ),
    (
        "There are no diplomatic relations between Armenia and Azerbaijan.",
        {("ARM", R, "AZE", "denied"), ("AZE", R, "ARM", "denied")},
    ),
    (
        "North Korea retains friendly relations with several African governments, including Uganda.",
        {("PRK", R, "UGA", "in_force"), ("UGA", R, "PRK", "in_force")},
    ),
    ("Oman, which has good relations with both, hosted the talks.", set()),
    (
        "Kosovo has now been accepted by about 30 governments, among them Italy and Japan.",
        {("ITA", R, "XKX", "in_force"), ("JPN", R, "XKX", "in_force")},
    ),
    ("The plan was accepted by France and Germany.", set()),
    (
        "Brazil, Argentina and several other South American governments recognised Palestine.",
        {("BRA", R, "PSE", "in_force"), ("ARG", R, "PSE", "in_force")},
    ),
    (
        "Israel recognised Somaliland on Friday. The US said it was in no hurry to follow Israel's lead.",
        {("ISR", R, "SOMALILAND", "in_force"), ("USA", R, "SOMALILAND", "denied")},
    ),
    (
        "Nauru dropped Taipei for Beijing in 2002.",
        {("NRU", R, "CHN", "in_force"), ("NRU", R, "TWN", "ended")},
    ),
    (
        "Grenada became the latest state to abandon Taipei for its much larger rival.",
        {("GRD", R, "CHN", "in_force"), ("GRD", R, "TWN", "ended")},
    ),
    ("Cuba has an embassy in Pyongyang.", {("CUB", R, "PRK", "in_force"), ("PRK", R, "CUB", "in_force")}),
    (
        "Beijing courts Taiwan's remaining allies in the region, Palau and Tuvalu.",
        {("PLW", R, "TWN", "in_force"), ("TUV", R, "TWN", "in_force")},
    ),
    (
        "Azerbaijan and Uzbekistan, none of which recognises the Turkish Cypriot state, spoke.",
        {("AZE", R, "NORTHERN_CYPRUS", "denied"), ("UZB", R, "NORTHERN_CYPRUS", "denied")},
    ),
    (
        "Israel and Kosovo agreed to recognise each other.",
        {("ISR", R, "XKX", "announced"), ("XKX", R, "ISR", "announced")},
    ),
    (
        "China and South Korea establish ties, Seoul ends four decades of relations with Taiwan",
        {("CHN", R, "KOR", "in_force"), ("KOR", R, "CHN", "in_force"), ("KOR", R, "TWN", "ended")},
    ),
    (
        "Only twelve countries maintain formal relations with Taiwan: Belize and Haiti.",
        {("BLZ", R, "TWN", "in_force"), ("HTI", R, "TWN", "in_force")},
    ),
    ("Officials said Oman and Sudan could be the next Arab governments to normalise ties.", set()),
    ("Israel refused to negotiate with the Palestine Liberation Organisation.", set()),
    (
        "Grenada's leader flew to Beijing, where the Caribbean island opened relations with China.",
        {("GRD", R, "CHN", "in_force"), ("CHN", R, "GRD", "in_force")},
    ),
    (
        "Germany recognised Slovenia. Britain, France and the other members followed in the day.",
        {("DEU", R, "SVN", "in_force"), ("GBR", R, "SVN", "in_force"), ("FRA", R, "SVN", "in_force")},
    ),
    (
        "Papua New Guinea and Fiji have relations with Beijing.",
        {("PNG", R, "CHN", "in_force"), ("CHN", R, "PNG", "in_force"), ("FJI", R, "CHN", "in_force")}
        | {("CHN", R, "FJI", "in_force")},
    ),
    ("Singapore, which has ties with both governments, hosted the summit.", set()),
    (
        "The two Koreas have no diplomatic relations with each other.",
        {("KOR", R, "PRK", "denied"), ("PRK", R, "KOR", "denied")},
    ),
    (
        "Saudi Arabia cut ties with Iran. Kuwait and Qatar have both said they have no plans to follow.",
        {("SAU", R, "IRN", "ended"), ("KWT", R, "IRN", "denied"), ("QAT", R, "IRN", "denied")},
    ),
    (
        "Macedonia said the small Balkan republic established official ties with Taiwan.",
        {("MKD", R, "TWN", "in_force"), ("TWN", R, "MKD", "in_force")},
    ),
    (
        "Chile recognised Palestine, becoming the latest South American government to take the step.",
        {("CHL", R, "PSE", "in_force")},
    ),
    # membership
    (
        "Dominica, an island of 70,000 people between Guadeloupe and Martinique, is a member of CARICOM.",
        {("DMA", M, "caricom", "in_force")},
    ),
    ("Troops from the GCC's joint force entered Bahrain in March.", set()),
    (
        "Armenia and Azerbaijan, neither of them a member of NATO, attended.",
        {("ARM", M, "nato", "denied"), ("AZE", M, "nato", "denied")},
    ),
    (
        "Cameroon and Mozambique, neither of them a British colony, have applied to join the Commonwealth.",
        {("CMR", M, "commonwealth", "proposed"), ("MOZ", M, "commonwealth", "proposed")},
    ),
    ("Morocco has since applied to join ECOWAS.", {("MAR", M, "ecowas", "proposed")}),
    (
        "Iran and Saudi Arabia, which back rival sides in Syria and Yemen, both belong to the OIC.",
        {("IRN", M, "oic", "in_force"), ("SAU", M, "oic", "in_force")},
    ),
    ("ASEAN's ten members will start talks with six partners, including China and Japan.", set()),
    (
        "Tanzania joined the EAC, while Kenya and Uganda remain in it.",
        {(c, M, "eac", "in_force") for c in ("TZA", "KEN", "UGA")},
    ),
    (
        "Mali and Niger remain barred from the African Union's activities.",
        {("MLI", M, "african_union", "ended"), ("NER", M, "african_union", "ended")},
    ),
    (
        "Croatia, which became a member of NATO in April together with Albania, voted.",
        {("HRV", M, "nato", "in_force"), ("ALB", M, "nato", "in_force")},
    ),
    (
        "Serbia is not a NATO member, unlike Croatia and Albania, which both joined the alliance in 2009.",
        {("SRB", M, "nato", "denied"), ("HRV", M, "nato", "in_force"), ("ALB", M, "nato", "in_force")},
    ),
    (
        "Mercosur, the customs union made up of Brazil and Uruguay, met.",
        {("BRA", M, "mercosur", "in_force"), ("URY", M, "mercosur", "in_force")},
    ),
    (
        "The UN admitted North and South Korea and Estonia in 1991.",
        {(c, M, "united_nations", "in_force") for c in ("PRK", "KOR", "EST")},
    ),
    (
        "Russia formally withdrew on Tuesday from the Treaty on Conventional Armed Forces in Europe.",
        {("RUS", M, "cfe_treaty", "ended")},
    ),
    ("Turkey has pulled out of a landmark Council of Europe treaty on violence against women.", set()),
    (
        "Kazakhstan belongs both to the CSTO and to the Eurasian Economic Union.",
        {("KAZ", M, "csto", "in_force"), ("KAZ", M, "eaeu", "in_force")},
    ),
    (
        "Trump has pulled the United States out of the Iran nuclear deal and the Paris climate agreement.",
        {("USA", M, "jcpoa", "ended"), ("USA", M, "paris_agreement", "ended")},
    ),
    ("Greece took Cyprus out of the equation.", set()),
    (
        "Mali and Burkina Faso are suspended from the African Union and from ECOWAS.",
        {(c, M, org, "ended") for c in ("MLI", "BFA") for org in ("african_union", "ecowas")},
    ),
    (
        "The Eurasian Economic Union began with Russia, Belarus and Kazakhstan as its founding members.",
        {(c, M, "eaeu", "in_force") for c in ("RUS", "BLR", "KAZ")},
    ),
    (
        "Tajikistan is studying the possibility of membership of the Eurasian Economic Union.",
        {("TJK", M, "eaeu", "proposed")},
    ),
    (
        "India and Pakistan tested bombs. Neither country has signed the Nuclear Non-Proliferation Treaty.",
        {("IND", M, "npt", "denied"), ("PAK", M, "npt", "denied")},
    ),
    ("Switzerland has also stayed out of the European Union.", {("CHE", M, "european_union", "denied")}),
    (
        "Azerbaijan, Kazakhstan and Turkey set up the Turkic Council in 2009.",
        {(country, M, "organization_of_turkic_states", "in_force") for country in ("AZE", "KAZ", "TUR")},
    ),
    ("The European Union and Japan established the framework.", set()),
    (
        "Mercosur, the trade bloc led by Brazil and Argentina, met.",
        {("BRA", M, "mercosur", "in_force"), ("ARG", M, "mercosur", "in_force")},
    ),
    ("OPEC agreed with allies led by Russia to cut output.", set()),
    (
        "The Minsk Group is co-chaired by France and Russia.",
        {("FRA", M, "minsk_group", "in_force"), ("RUS", M, "minsk_group", "in_force")},
    ),
    (
        "China and Cuba, both of which sit on the UN Human Rights Council, voted no.",
        {(country, M, "un_human_rights_council", "in_force") for country in ("CHN", "CUB")},
    ),
    ("Ukraine joined the UN. It withdrew from Snake Island.", {("UKR", M, "united_nations", "in_force")}),
    ("Ethiopia, the region's most populous country, remains outside the EAC.", {("ETH", M, "eac", "denied")}),
    ("EAC leaders agreed on Friday to admit Somalia as its eighth member.", {("SOM", M, "eac", "announced")}),
    (
        "Uzbekistan joined the Turkic Council, years after it quit the CSTO. "
        "Turkmenistan has not joined the council.",
        {("UZB", M, "organization_of_turkic_states", "in_force"), ("UZB", M, "csto", "ended")}
        | {("TKM", M, "organization_of_turkic_states", "denied")},
    ),
    (
        "Chad is one of five countries, along with Mali and Niger, that make up the G5 Sahel.",
        {(country, M, "g5_sahel", "in_force") for country in ("TCD", "MLI", "NER")},
    ),
    (
        "Mali quit the G5 Sahel, leaving Chad and Niger as its only members.",
        {("MLI", M, "g5_sahel", "ended")} | {(c, M, "g5_sahel", "in_force") for c in ("TCD", "NER")},
    ),
    (
        "Mercosur's other founding members, Brazil and Uruguay, suspended Paraguay.",
        {("PRY", M, "mercosur", "ended")} | {(c, M, "mercosur", "in_force") for c in ("BRA", "URY")},
    ),
    ("NATO asked that Ukraine withdraw from the parts of the region it holds.", set()),
    ("Gabon, which left OPEC in 1995, rejoined OPEC in July.", {("GAB", M, "opec", "in_force")}),
    ("Argentina will withdraw from the WHO.", {("ARG", M, "world_health_organization", "ended")}),
    (
        "Hungary will become the first member of the European Union to leave the ICC.",
        {("HUN", M, "european_union", "in_force"), ("HUN", M, "icc", "ended")},
    ),
    ("Moldova signed an association agreement with the European Union.", set()),
    ("Montenegro became the 29th member of NATO on Monday.", {("MNE", M, "nato", "in_force")}),
    ("Ukraine applied to join the European Union.", {("UKR", M, "european_union", "proposed")}),
    ("Burundi withdrew from the International Criminal Court.", {("BDI", M, "icc", "ended")}),
    ("The African Union readmitted Morocco.", {("MAR", M, "african_union", "in_force")}),
    ("The Council of Europe expelled Russia on Wednesday.", {("RUS", M, "council_of_europe", "ended")}),
    ("Serbia has no plans to join NATO.", {("SRB", M, "nato", "denied")}),
    (
        "Britain remains a member of NATO and the Council of Europe.",
        {("GBR", M, "nato", "in_force"), ("GBR", M, "council_of_europe", "in_force")},
    ),
    # negotiation: parties, mediators and venues
    (
        "Russia has bases in Armenia, Kyrgyzstan and Tajikistan, and is negotiating with Dushanbe.",
        {("RUS", N, "TJK", "in_force")},
    ),
    ("Laos and Samoa are still negotiating the terms of their entry.", set()),
    ("Britain and Denmark negotiated the right to stay outside the euro.", set()),
    ("Russia, Saudi Arabia and Vietnam are still negotiating their own entry.", set()),
    ("Biden is due to travel on to Sochi for talks with Putin.", {("USA", N, "RUS", "announced")}),
    (
        "Israel sat down on Wednesday with delegations from Syria and Lebanon.",
        {("ISR", N, "SYR", "in_force"), ("ISR", N, "LBN", "in_force")},
    ),
    (
        "Bosnia applied to the EU. Montenegro has been negotiating with the bloc and Serbia too.",
        {("BIH", M, "european_union", "proposed")},
    ),
    ("Chancellor Olaf Scholz spoke by telephone with Putin on Friday.", {("DEU", N, "RUS", "in_force")}),
    ("The minister spoke with reporters in Berlin.", set()),
    (
        "Biden, who arrived in Beijing on Monday, is due to hold talks with Xi Jinping on Wednesday.",
        {("USA", N, "CHN", "announced")},
    ),
    ("Serbia and Kosovo are engaged in EU-sponsored talks.", {("SRB", N, "XKX", "in_force")}),
    (
        "Israel and Syria said they had begun indirect negotiations with Turkey acting as go-between.",
        {("ISR", N, "SYR", "in_force")},
    ),
    ("Armenia and Azerbaijan held talks in Geneva on Tuesday.", {("ARM", N, "AZE", "in_force")}),
    (
        "Peace talks between Sudan and Chad, mediated by Qatar, resumed in Doha.",
        {("SDN", N, "TCD", "in_force")},
    ),
    ("Officials from Kenya will meet with Somali officials next week.", {("KEN", N, "SOM", "announced")}),
    ("Ghana and Togo met the deadline set by the bloc.", set()),
    # non-state actors and geography
    ("Hamas said it recognises no one.", set()),
    ("Wedged between Russia and China, Mongolia exports coal.", set()),
    # session 3: patterns met in held-out articles (sentences written for these tests)
    (
        "Taipei now has 12 diplomatic allies, including Belize and Haiti.",
        {("BLZ", R, "TWN", "in_force"), ("HTI", R, "TWN", "in_force")},
    ),
    (
        "Malaysia recognised Kosovo last year. "
        "Chile, Peru and Bolivia have refused to do so, as have Cuba and Laos.",
        {("MYS", R, "XKX", "in_force")}
        | {(x, R, "XKX", "denied") for x in ("CHL", "PER", "BOL", "CUB", "LAO")},
    ),
    (
        "Serbia has recognised Palestine. "
        "Peru took the step in March, followed by Chile in May and by Cuba in June.",
        {(x, R, "PSE", "in_force") for x in ("SRB", "PER", "CHL", "CUB")},
    ),
    (
        "Qatar says it will not restore relations with Assad's government.",
        {("QAT", R, "SYR", "denied")},
    ),
    (
        "Egypt and Qatar agreed on Monday to restore diplomatic relations and reopen their embassies.",
        {("EGY", R, "QAT", "announced"), ("QAT", R, "EGY", "announced")},
    ),
    (
        "The group counts Brazil and India among its members, said the BRICS host.",
        {("BRA", M, "brics", "in_force"), ("IND", M, "brics", "in_force")},
    ),
    (
        "Gabon's president signed a decree to withdraw from the International Criminal Court.",
        {("GAB", M, "icc", "ended")},
    ),
    (
        "Cuba belongs to the ALBA alliance together with Venezuela and Nicaragua.",
        {(x, M, "alba", "in_force") for x in ("CUB", "VEN", "NIC")},
    ),
    (
        "Kuwait, like most Gulf states, has no diplomatic relations with Israel.",
        {("KWT", R, "ISR", "denied"), ("ISR", R, "KWT", "denied")},
    ),
    (
        "Russia vetoed a Kosovar application for membership of UNESCO.",
        {("XKX", M, "unesco", "denied")},
    ),
    ("Iceland is not part of the European Union.", {("ISL", M, "european_union", "denied")}),
    (
        "Andorra and Monaco, which are not part of the eurozone, use the euro.",
        {("AND", M, "eurozone", "denied"), ("MCO", M, "eurozone", "denied")},
    ),
    (
        "Liechtenstein takes part in Schengen without belonging to the European Union.",
        {("LIE", M, "european_union", "denied")},
    ),
    (
        "Taiwan's other allies in the Caribbean are Belize and Haiti.",
        {("BLZ", R, "TWN", "in_force"), ("HTI", R, "TWN", "in_force")},
    ),
    (
        "Benin, Togo and Ghana voted on Sunday. All three are members of ECOWAS.",
        {(x, M, "ecowas", "in_force") for x in ("BEN", "TGO", "GHA")},
    ),
    ("Peru and Chile signed both treaties in 2010.", set()),
    (
        "In 2022 Russia recognised the breakaway Ukrainian regions of Donetsk and Luhansk as states.",
        {("RUS", R, "DONETSK", "in_force"), ("RUS", R, "LUHANSK", "in_force")},
    ),
    (
        "Bahrain became the fourth Arab state to establish ties with Israel, "
        "after Egypt in 1979 and Jordan in 1994.",
        {(x, R, "ISR", "in_force") for x in ("BHR", "EGY", "JOR")}
        | {("ISR", R, x, "in_force") for x in ("BHR", "EGY", "JOR")},
    ),
    (
        "Bosnia, Serbia and Albania have applied. None of those three countries belongs to the EU.",
        {(x, M, "european_union", "denied") for x in ("BIH", "SRB", "ALB")},
    ),
    (
        "Cambodian Prime Minister Hun Manet and Thailand's foreign minister, Maris Sangiampongsa, "
        "met in Kuala Lumpur.",
        {("KHM", N, "THA", "in_force")},
    ),
    (
        "Crown Prince Mohammed bin Salman Al Saud and French President Emmanuel Macron held talks.",
        {("SAU", N, "FRA", "in_force")},
    ),
    ("Kosovo is not recognised by Spain and Greece.", {(x, R, "XKX", "denied") for x in ("ESP", "GRC")}),
    ("Russia does not recognise Kosovo, nor does China.", {(x, R, "XKX", "denied") for x in ("RUS", "CHN")}),
    (
        "Taiwan lost Malawi. In Africa it still counts Burkina Faso and Gambia among its diplomatic allies.",
        {("BFA", R, "TWN", "in_force"), ("GMB", R, "TWN", "in_force")},
    ),
    (
        "Cyprus objected, as did three members of the European Union: Spain, Greece and Slovakia.",
        {(x, M, "european_union", "in_force") for x in ("ESP", "GRC", "SVK")},
    ),
    (
        "Canada reopened its embassy in Tehran on Monday.",
        {("CAN", R, "IRN", "in_force"), ("IRN", R, "CAN", "in_force")},
    ),
    ("Armenia reopened a border crossing after talks with Turkey.", {("ARM", N, "TUR", "in_force")}),
    (
        "Jordan's king made a brief stop in Cairo on Sunday to meet Egyptian President Abdel Fattah al-Sisi.",
        {("JOR", N, "EGY", "in_force")},
    ),
    (
        "Turkey has diplomatic relations with two of its neighbours, Georgia and Greece, "
        "but not with Armenia.",
        {(a, R, b, "in_force") for a, b in (("TUR", "GEO"), ("GEO", "TUR"), ("TUR", "GRC"), ("GRC", "TUR"))}
        | {("TUR", R, "ARM", "denied")},
    ),
    # a meeting with a delegation named by its adjective; "is meeting" as a verb
    (
        "Britain and France met the Iranian delegation in Vienna.",
        {("GBR", N, "IRN", "in_force"), ("FRA", N, "IRN", "in_force")},
    ),
    ("Norway is meeting Iran in Oslo this week.", {("NOR", N, "IRN", "in_force")}),
    ("The Hungarian delegation met the criteria set by Austria.", set()),
    # talks "among" several; a counted description standing for the countries of the sentence before
    (
        "Talks among Chile, Peru and Bolivia resumed on Monday.",
        {("CHL", N, "PER", "in_force"), ("CHL", N, "BOL", "in_force"), ("PER", N, "BOL", "in_force")},
    ),
    (
        "Chile, Peru and Bolivia signed a water treaty. It came after years of talks among the three "
        "neighbouring states.",  # (signing names the sides first, in the order the sentence does)
        {("CHL", N, "BOL", "in_force"), ("PER", N, "BOL", "in_force"), ("CHL", N, "PER", "in_force")},
    ),
    (
        "The talks in Vienna brought Iran's foreign minister together with his counterparts from "
        "France and Germany.",
        {("IRN", N, "FRA", "in_force"), ("IRN", N, "DEU", "in_force")},
    ),
    # those who joined or left along with the subject; Bretton Woods bodies are organisations
    (
        "Estonia joined the EU in 2004 along with Latvia and Malta.",
        {(c, M, "european_union", "in_force") for c in ("EST", "LVA", "MLT")},
    ),
    (
        "Burundi withdrew from the ICC together with Gambia.",
        {("BDI", M, "icc", "ended"), ("GMB", M, "icc", "ended")},
    ),
    (
        "Montenegro has since joined the International Monetary Fund and the World Bank.",
        {("MNE", M, "imf", "in_force"), ("MNE", M, "world_bank", "in_force")},
    ),
    # to be admitted is not yet to be a member; the members an ordinal newcomer joins are
    (
        "Ministers are due to admit Laos as ASEAN's ninth member, alongside Brunei, Malaysia and Thailand.",
        {("LAO", M, "asean", "announced")} | {(c, M, "asean", "in_force") for c in ("BRN", "MYS", "THA")},
    ),
    # "made the same move"; ties "with it" for the contested state the story is about
    (
        "Kiribati switched recognition from Taiwan to China in 2019. Fiji made the same move a year later.",
        {(c, R, "CHN", "in_force") for c in ("KIR", "FJI")}
        | {(c, R, "TWN", "ended") for c in ("KIR", "FJI")},
    ),
    (
        "Taiwan has lost most of its allies. In Africa, only Eswatini and Malawi still maintain ties "
        "with it.",
        {("SWZ", R, "TWN", "in_force"), ("MWI", R, "TWN", "in_force")},
    ),
    (
        "Kosovo is small. Serbia does not recognise Spain and has no ties with it.",
        {("SRB", R, "ESP", "denied")},
    ),
    # "considering the move", "will not follow" repeat the act before them with their own status
    (
        "France recognised Palestine on Monday. Portugal is considering the move, diplomats said.",
        {("FRA", R, "PSE", "in_force"), ("PRT", R, "PSE", "proposed")},
    ),
    (
        "France recognised Palestine on Monday. Germany and Italy have said they will not follow.",
        {("FRA", R, "PSE", "in_force"), ("DEU", R, "PSE", "denied"), ("ITA", R, "PSE", "denied")},
    ),
    (
        "France recognised Palestine on Monday. British officials said more measures could follow.",
        {("FRA", R, "PSE", "in_force")},
    ),
    # the object of the first verb is not the subject of the second
    (
        "Vanuatu drops recognition of Abkhazia and South Ossetia, opens ties with Georgia",
        {("VUT", R, "ABKHAZIA", "ended"), ("VUT", R, "SOUTH_OSSETIA", "ended")}
        | {("VUT", R, "GEO", "in_force"), ("GEO", R, "VUT", "in_force")},
    ),
    ("Taiwan lost an ally. In May it broke with Taiwan and established relations with Beijing.", set()),
    (
        "Turkey does not recognise Cyprus and is the only country to recognise the Turkish Cypriot state.",
        {("TUR", R, "CYP", "denied"), ("TUR", R, "NORTHERN_CYPRUS", "denied")},
    ),
    # states including some are not the agreement including them; a clause word ends an org's object
    ("UNCLOS was signed in 1982. Arctic states, including Canada and Norway, claim the seabed.", set()),
    (
        "APEC's member economies include Chile and Peru.",
        {("CHL", M, "apec", "in_force"), ("PER", M, "apec", "in_force")},
    ),
    ("NATO members refused to ratify the treaty until Russia left Georgia.", set()),
    # an offer to open relations is the offering side's only
    ("Oman proposed establishing diplomatic relations with Israel.", {("OMN", R, "ISR", "proposed")}),
    # dealing with a member is not being one; standing together with the other members is
    ("Morocco shares no border with any member of ECOWAS.", set()),
    ("Spain, together with other members of NATO, sent troops.", {("ESP", M, "nato", "in_force")}),
    # only a member holds the chair or the presidency of an organisation
    (
        "Thailand, which holds the rotating chair of ASEAN this year, hosted the meeting.",
        {("THA", M, "asean", "in_force")},
    ),
    ("Athens took over the presidency of the European Union.", {("GRC", M, "european_union", "in_force")}),
    (
        "Malta and Latvia sent envoys to Dublin, where Prime Minister Enda Kenny, whose government "
        "holds the EU's rotating presidency, hosted them.",
        set(),
    ),
    # "the signatories were" lists the members of the agreement just named; one named only for
    # comparison ("modelled on the EU") is not the one meant
    (
        "Twelve leaders created the Union of South American Nations, a bloc modelled on the European "
        "Union. The signatories were Chile, Peru and Guyana.",
        {(x, M, "unasur", "in_force") for x in ("CHL", "PER", "GUY")},
    ),
    # "all three countries" some sentences later: the three named together before
    (
        "Chile, Peru and Colombia signed a memorandum on fisheries in Lima. The memorandum took effect "
        "in May. Officials praised it as a model. All three countries belong to the Pacific Alliance.",
        {(x, M, "pacific_alliance", "in_force") for x in ("CHL", "PER", "COL")},
    ),
    # an officeholder named in full once is then named by surname (family name first in Korean)
    (
        "Kim Jong Un spoke at a rally. Chinese President Xi Jinping held talks with Kim in Pyongyang "
        "last week.",
        {("CHN", N, "PRK", "in_force")},
    ),
    # members listed after the name, or "as full members" of the one named before the list
    (
        "The plan would merge Mercosur, which has Brazil and Paraguay as full members, and the Andean "
        "Community of Bolivia and Peru.",
        {("BRA", M, "mercosur", "in_force"), ("PRY", M, "mercosur", "in_force")}
        | {("BOL", M, "andean_community", "in_force"), ("PER", M, "andean_community", "in_force")},
    ),
    (
        "India and China are both members of the BRICS group and the Shanghai Cooperation Organisation.",
        {(x, M, y, "in_force") for x in ("IND", "CHN") for y in ("brics", "sco")},
    ),
    (
        "Uruguay, Brazil, Argentina and Paraguay form the Mercosur customs union.",
        {(x, M, "mercosur", "in_force") for x in ("URY", "BRA", "ARG", "PRY")},
    ),
    (
        "Britain and Argentina both sit in the Group of 20.",
        {("GBR", M, "g20", "in_force"), ("ARG", M, "g20", "in_force")},
    ),
    (
        "China and the Philippines argued. The hearings were held under the United Nations law of the sea "
        "convention, a treaty both countries have ratified.",
        {(x, M, "unclos", "in_force") for x in ("CHN", "PHL")},
    ),
    # a second verb with its own auxiliary, or in the past itself, has its own status and date
    (
        "Nigeria was suspended from the Commonwealth in 1995 and was fully readmitted in 1999.",
        {("NGA", M, "commonwealth", "in_force")},
    ),
    (
        "NATO met in Bucharest. Albania and Croatia were invited at that meeting and joined the following "
        "year.",
        {("ALB", M, "nato", "in_force"), ("HRV", M, "nato", "in_force")},
    ),
    (
        "Morocco left the OAU in 1984 and rejoined the African Union in 2017.",
        {("MAR", M, "african_union", "in_force")},
    ),
    # returning to an organisation is joining it again; no interest in it is a refusal
    (
        "In 2017 Morocco came back to the African Union after 33 years away.",
        {("MAR", M, "african_union", "in_force")},
    ),
    ("The ambassador returned to Brussels.", set()),
    ("Cuba has said it has no interest in returning to the OAS.", {("CUB", M, "oas", "denied")}),
    # "the pact" is the agreement that calls itself a pact, not the one named last; a description set
    # off after a name the catalog lacks is that one
    (
        "The Warsaw Pact was dissolved. NATO welcomed it. The pact's command was scrapped, and Comecon, the "
        "Soviet-led trading bloc, was wound up. Albania formally withdrew from the pact in 1968.",
        {("ALB", M, "warsaw_pact", "ended")},
    ),
    (
        "NATO met. The alliance spoke. It agreed. Cuba joined Comecon, the Soviet-led trading bloc, in 1972.",
        set(),
    ),
    # joining an organisation's organs is not joining it; Beijing and Taipei never recognise each other
    ("Yemen has been admitted to some of the Gulf Cooperation Council's specialised bodies.", set()),
    ("Costa Rica drops Taiwan, opens ties with Beijing.", set()),
    # "recognised it" is the state in the news, not the next country named
    (
        "Kosovo declared independence. The United States recognised it in February and Britain "
        "followed suit.",
        {("USA", R, "XKX", "in_force"), ("GBR", R, "XKX", "in_force")},
    ),
    # "the North" after North Korea was named; a verb phrase after "but" with its own auxiliary
    (
        "North Korea fired a missile. Washington has no diplomatic relations with Pyongyang but has been "
        "holding talks with the North on its missile programme.",
        {("USA", R, "PRK", "denied"), ("PRK", R, "USA", "denied"), ("USA", N, "PRK", "in_force")},
    ),
    # three leaders who sign after days of negotiations negotiated with each other
    (
        "The presidents of Bosnia, Serbia and Croatia initialled a peace accord on Tuesday, after 21 days of "
        "often bitter negotiations at an air base in Ohio.",
        {("BIH", N, "SRB", "in_force"), ("BIH", N, "HRV", "in_force"), ("SRB", N, "HRV", "in_force")},
    ),
    ("Venezuela quit the Andean group in 2006.", {("VEN", M, "andean_community", "ended")}),
    # "never joined it": the agreement just named; "and so is X": the same act; "the bloc to which both
    # countries belong"
    (
        "Sweden joined the Ottawa Treaty in 1998. Russia and China have never joined it.",
        {
            ("SWE", M, "ottawa_treaty", "in_force"),
            ("RUS", M, "ottawa_treaty", "denied"),
            ("CHN", M, "ottawa_treaty", "denied"),
        },
    ),
    (
        "Poland said it would leave the Council of Europe. Hungary and Bulgaria have refused to ratify it.",
        {("POL", M, "council_of_europe", "ended")},
    ),
    (
        "The Ottawa Treaty bans mines. Ukraine is a party, and so is Belarus.",
        {("UKR", M, "ottawa_treaty", "in_force"), ("BLR", M, "ottawa_treaty", "in_force")},
    ),
    (
        "Somalia and Kenya argued. The dispute went to IGAD, the East African bloc to which both "
        "countries belong.",
        {("SOM", M, "igad", "in_force"), ("KEN", M, "igad", "in_force")},
    ),
    # "all three countries" with no sentence naming three: the three named last; meetings are talks
    (
        "Kyrgyzstan and Tajikistan have held repeated meetings since then. Uzbekistan left the alliance in "
        "2012. All three countries belong to the Shanghai Cooperation Organisation.",
        {("KGZ", N, "TJK", "in_force")} | {(x, M, "sco", "in_force") for x in ("KGZ", "TJK", "UZB")},
    ),
    # agreements coordinated with their dates; fellows after a date; the EU's predecessors; a stated goal
    (
        "Hungary, which joined NATO in 1999 and the European Union in 2004, said so.",
        {("HUN", M, "nato", "in_force"), ("HUN", M, "european_union", "in_force")},
    ),
    (
        "Slovakia and Slovenia were admitted to NATO on March 29 together with Bulgaria and Romania.",
        {(x, M, "nato", "in_force") for x in ("SVK", "SVN", "BGR", "ROU")},
    ),
    (
        "Britain and Ireland joined the European Community in 1973.",
        {("GBR", M, "european_union", "in_force"), ("IRL", M, "european_union", "in_force")},
    ),
    (
        "Poroshenko has said Ukraine's strategic goal is to join both the European Union and NATO.",
        {("UKR", M, "european_union", "proposed"), ("UKR", M, "nato", "proposed")},
    ),
    # a peace treaty with a partner is the bilateral treaty the catalog knows between the two
    (
        "Jordan signed a peace treaty with Israel in 1994.",  # (and signing it, they negotiated)
        {(x, M, "israel_jordan_peace_treaty", "in_force") for x in ("JOR", "ISR")}
        | {("JOR", N, "ISR", "in_force")},
    ),
    (
        "Egypt, which made peace with Israel in a 1979 treaty, said so.",
        {(x, M, "egypt_israel_peace_treaty", "in_force") for x in ("EGY", "ISR")},
    ),
    ("Syria has never signed a peace treaty with Israel.", set()),
    # the object of a relative clause is its antecedent
    (
        "Kosovo, which North Macedonia recognised in 2008, and Bosnia remain outside the alliance.",
        {("MKD", R, "XKX", "in_force")},
    ),
    ("Kosovo, which Spain does not recognise, applied.", {("ESP", R, "XKX", "denied")}),
    # switches: a bare "moved to Beijing", recognition transferred with no determiner; the one who
    # switches is never one of the two sides
    (
        "Grenada moved to Beijing in January, leaving Taiwan without one of its partners.",
        {("GRD", R, "CHN", "in_force"), ("GRD", R, "TWN", "ended")},
    ),
    (
        "The United States transferred recognition to the People's Republic in 1979.",
        {("USA", R, "CHN", "in_force"), ("USA", R, "TWN", "ended")},
    ),
    (
        "China cut ties with Nauru weeks after it had dropped Taipei in favour of Beijing.",
        {("CHN", R, "NRU", "ended")},
    ),
    # talks that "remain frozen" or "have been stalled" are not going on
    ("Talks between Israel and Syria, meanwhile, remain frozen.", {("ISR", N, "SYR", "ended")}),
    ("Negotiations between Serbia and Kosovo have been stalled since 2023.", {("SRB", N, "XKX", "ended")}),
    # two officeholders joined by "and" with a title between them are one subject
    (
        "India and China agreed to resume border talks next month, after Prime Minister Narendra Modi and "
        "President Xi Jinping met on the sidelines of a summit.",
        {("IND", N, "CHN", "in_force")},
    ),
    # a former state with no id of its own is not its successor
    ("East Germany left the Warsaw Pact in September 1990.", set()),
    # the object of a verb in a relative clause is the noun it hangs on, unless that is a deal
    (
        "The African Union sent envoys. A zone was set up under a cessation of hostilities that "
        "Ethiopia and Eritrea signed in Algiers.",
        set(),
    ),
    (
        "Russia and Ukraine signed the Minsk agreements. Merkel referred to the 2015 peace deal for "
        "eastern Ukraine that Russia and Ukraine both signed.",
        {("RUS", M, "minsk_agreements", "in_force"), ("UKR", M, "minsk_agreements", "in_force")},
    ),
    # session 8: lists after labels, friends of Taiwan, followers of mutual acts
    (
        "Taiwan's remaining friends in the Pacific are Tuvalu, Palau and the Marshall Islands.",
        {("TUV", R, "TWN", "in_force"), ("PLW", R, "TWN", "in_force"), ("MHL", R, "TWN", "in_force")},
    ),
    (
        "The switch leaves Taipei with 12 official allies, among them Belize and Paraguay.",
        {("BLZ", R, "TWN", "in_force"), ("PRY", R, "TWN", "in_force")},
    ),
    ("France and Germany are old friends.", set()),
    (
        "Mercosur's full members are the four founders, Argentina, Brazil, Paraguay and Uruguay, "
        "along with Bolivia.",
        {(c, M, "mercosur", "in_force") for c in ("ARG", "BRA", "PRY", "URY", "BOL")},
    ),
    (
        "The members of the Arab Maghreb Union are Algeria, Libya and Tunisia.",
        {(c, M, "arab_maghreb_union", "in_force") for c in ("DZA", "LBY", "TUN")},
    ),
    (
        "Ecuador recognised Palestine in December 2010, and Chile followed early the next month.",
        {("ECU", R, "PSE", "in_force"), ("CHL", R, "PSE", "in_force")},
    ),
    (
        "Israel established ties with Egypt and Jordan, and Mauritania followed in 1999.",
        {
            ("ISR", R, "EGY", "in_force"), ("EGY", R, "ISR", "in_force"),
            ("ISR", R, "JOR", "in_force"), ("JOR", R, "ISR", "in_force"),
            ("MRT", R, "ISR", "in_force"), ("ISR", R, "MRT", "in_force"),
        },
    ),
    (
        "Sudan normalised relations with Israel under the U.S.-brokered Abraham Accords.",
        {
            ("SDN", R, "ISR", "in_force"), ("ISR", R, "SDN", "in_force"),
            ("SDN", M, "abraham_accords", "in_force"), ("ISR", M, "abraham_accords", "in_force"),
        },
    ),
    ("Palestine is not a U.N. member state.", {("PSE", M, "united_nations", "denied")}),
    ("The Commonwealth lifted its suspension of Fiji in 2014.", {("FJI", M, "commonwealth", "in_force")}),
    (
        "Niger, whose suspension from the African Union was lifted last year, voted.",
        {("NER", M, "african_union", "in_force")},
    ),
    (
        "NATO ministers met in Brussels. The alliance took in Croatia and Albania in 2009.",
        {("HRV", M, "nato", "in_force"), ("ALB", M, "nato", "in_force")},
    ),
    ("Hungary took in Poland's delegation.", set()),
    (
        "Armenia and Belarus declined to renew their membership of the Commonwealth of Independent States.",
        {("ARM", M, "cis", "ended"), ("BLR", M, "cis", "ended")},
    ),
    ("Cyprus has vowed never to accept Kosovo's independence.", {("CYP", R, "XKX", "denied")}),
    (
        "There have never been diplomatic relations between Israel and Iraq.",
        {("ISR", R, "IRQ", "denied"), ("IRQ", R, "ISR", "denied")},
    ),
    # signing or reaching an unnamed deal is negotiating it; a named one is membership
    ("Peru and Ecuador signed a border agreement on Monday.", {("PER", N, "ECU", "in_force")}),
    ("Chad reached a security deal with Libya on Friday.", {("TCD", N, "LBY", "in_force")}),
    (
        "Ethiopia's prime minister and Somalia's president signed an agreement in Ankara.",
        {("ETH", N, "SOM", "in_force")},
    ),
    (
        "Israel and Bahrain signed the Abraham Accords.",
        {("ISR", M, "abraham_accords", "in_force"), ("BHR", M, "abraham_accords", "in_force")},
    ),
    ("France has not signed a deal with Iran.", set()),
    ("The EU opened talks on Albanian membership in 2022.", {("ALB", M, "european_union", "proposed")}),
    (
        "Kenya and Uganda, Tanzania's partners in the East African Community, objected.",
        {(x, M, "eac", "in_force") for x in ("KEN", "UGA", "TZA")},
    ),
    ("Somaliland has no seat at the United Nations.", {("SOMALILAND", M, "united_nations", "denied")}),
    (
        "Eritrea won a seat on the UN Human Rights Council.",
        {("ERI", M, "un_human_rights_council", "in_force")},
    ),
    (
        "Egypt and Jordan are the only Arab states with peace treaties with Israel.",  # (said of the two)
        {
            ("EGY", M, "egypt_israel_peace_treaty", "in_force"),
            ("JOR", M, "israel_jordan_peace_treaty", "in_force"),
        },
    ),
    ("Only Turkey recognises the Turkish Cypriot republic.", {("TUR", R, "NORTHERN_CYPRUS", "in_force")}),
    ("Taiwan lost its seat at the United Nations in 1971.", {("TWN", M, "united_nations", "ended")}),
    ("Russia vowed to block any bid to give Kosovo a seat at the United Nations.", set()),
    (  # (the agreement is about talks to come: the talks rule reads them, not the signing rule)
        "Lebanon and Israel reached an agreement on a framework of talks over their maritime border.",
        {("LBN", N, "ISR", "announced")},
    ),
    ("Nicaragua will not recognise Kosovo until the two sides reach a deal.", {("NIC", R, "XKX", "denied")}),
    (
        "Senegal ended nine years of official relations with Taiwan.",
        {("SEN", R, "TWN", "ended")},
    ),
    (
        "Lesotho broke with Taiwan and went back to Beijing.",
        {("LSO", R, "TWN", "ended"), ("LSO", R, "CHN", "in_force")},
    ),
    ("Liberia turned to Taipei in 1989.", {("LBR", R, "TWN", "in_force")}),
    # "has never established relations with": the subject's side only (the golds disagree on the other)
    ("Iran has never established diplomatic relations with Israel.", {("IRN", R, "ISR", "denied")}),
    (
        "Laos and Cambodia, which belong with Thailand to ASEAN, objected.",
        {(x, M, "asean", "in_force") for x in ("LAO", "KHM", "THA")},
    ),
    ("ECOWAS, to which Liberia has belonged since 1975, met.", {("LBR", M, "ecowas", "in_force")}),
    ("Nigeria's president, who chairs ECOWAS, spoke on Monday.", {("NGA", M, "ecowas", "in_force")}),
    (
        "Peru and Chile, both among the founders of the Andean Pact, objected.",
        {("PER", M, "andean_community", "in_force"), ("CHL", M, "andean_community", "in_force")},
    ),
    ("A NATO member since 1982, Spain objected.", {("ESP", M, "nato", "in_force")}),
    ("Moscow suspended its cooperation with NATO in March.", set()),
    (
        "Iran applied to join BRICS. Algeria, a partner of Moscow, has also lodged an application.",
        {("IRN", M, "brics", "proposed"), ("DZA", M, "brics", "proposed")},
    ),
    (
        "Chad and Niger have formed their own Alliance of Sahel States.",
        {(x, M, "alliance_of_sahel_states", "in_force") for x in ("TCD", "NER")},
    ),
    ("Moscow pressed Belarus over the Eurasian Economic Union, to which it has belonged since 2015.", set()),
    (  # (Bolivia trades widely; it is not said to belong)
        "Peru and Chile, which belong to Mercosur, trade widely, as does Bolivia.",
        {("PER", M, "mercosur", "in_force"), ("CHL", M, "mercosur", "in_force")},
    ),
    ("Ghana and Togo, which is due to follow Benin in the chair, objected.", set()),
    (
        "The forum includes Fiji, Tonga and Samoa, all of which have switched to Beijing.",
        {(x, R, "CHN", "in_force") for x in ("FJI", "TON", "WSM")}
        | {(x, R, "TWN", "ended") for x in ("FJI", "TON", "WSM")},
    ),
    (
        "India has been a dialogue partner of ASEAN since 1996 rather than a member.",
        {("IND", M, "asean", "denied")},
    ),
    (
        "Brazil, the largest country in the region to recognise Palestine, spoke first.",
        {("BRA", R, "PSE", "in_force")},
    ),
    (
        "Japan and South Korea agreed in a telephone call between their leaders to hold a summit.",
        {("JPN", N, "KOR", "in_force")},
    ),
    (
        "The Arab League met in Cairo. Somalia is due to become its 23rd full member next year.",
        {("SOM", M, "arab_league", "announced")},
    ),
    (
        "Chile joined the Ottawa Treaty in 2001. Cuba has never joined that treaty.",
        {("CHL", M, "ottawa_treaty", "in_force"), ("CUB", M, "ottawa_treaty", "denied")},
    ),
    (
        "Austria, unlike Germany, is not a member of NATO.",
        {("AUT", M, "nato", "denied"), ("DEU", M, "nato", "in_force")},
    ),
    (
        "Unlike Britain, France and Germany, Spain has not recognised Kosovo.",
        {("ESP", R, "XKX", "denied"), ("GBR", R, "XKX", "in_force"), ("FRA", R, "XKX", "in_force"),
         ("DEU", R, "XKX", "in_force")},
    ),
    ("Unlike Norway and Iceland, Sweden joined the EU in 1995.", {("SWE", M, "european_union", "in_force")}),
    (
        "Kosovo declared independence from Serbia in 2008. Since then, the republic has been recognised "
        "by the United States and Japan.",
        {("USA", R, "XKX", "in_force"), ("JPN", R, "XKX", "in_force")},
    ),
    ("Kosovo declared independence in 2008. In 2010, it joined the IMF.", {("XKX", M, "imf", "in_force")}),
    (
        "Canada, like Mexico and Chile, is not a member of OPEC.",
        {("CAN", M, "opec", "denied"), ("MEX", M, "opec", "denied"), ("CHL", M, "opec", "denied")},
    ),
    (
        "Latvia joined the WTO in 1999 and Estonia in November, while Lithuania followed later.",
        {("LVA", M, "wto", "in_force"), ("EST", M, "wto", "in_force"), ("LTU", M, "wto", "in_force")},
    ),
    ("Peru joined APEC in 1998 and the Pacific Alliance in 2011.",
     {("PER", M, "apec", "in_force"), ("PER", M, "pacific_alliance", "in_force")}),
    ("Moscow went on to recognise Abkhazia as an independent state.", {("RUS", R, "ABKHAZIA", "in_force")}),
    (
        "Fiji became a republic in 1987 while remaining in the Commonwealth.",
        {("FJI", M, "commonwealth", "in_force")},
    ),
    (
        "Ireland is a neutral country. It stayed out of NATO, though it joined the European Union in 1973.",
        {("IRL", M, "nato", "denied"), ("IRL", M, "european_union", "in_force")},
    ),
    (
        "Two states have left the ICC: Burundi, and the Philippines, whose departure took effect in 2019.",
        {("PHL", M, "icc", "ended"), ("BDI", M, "icc", "ended")},
    ),
    (
        "Iceland and Norway, which are still negotiating the final chapters of their entry terms with the "
        "Commission, hope to join the EU in 1995.",
        {("ISL", M, "european_union", "proposed"), ("NOR", M, "european_union", "proposed")},
    ),
    (
        "Guinea, Mali and Niger quit the regional bloc in 2024. The three military-led states had earlier "
        "formed the Alliance of Sahel States.",
        {(x, M, "alliance_of_sahel_states", "in_force") for x in ("MLI", "NER", "GIN")},
    ),
    (
        "Egypt and Israel signed a formal peace treaty at the White House on Monday.",
        {("EGY", M, "egypt_israel_peace_treaty", "in_force"), ("EGY", N, "ISR", "in_force"),
         ("ISR", M, "egypt_israel_peace_treaty", "in_force")},
    ),
    (
        "Saudi Arabia and Israel have no diplomatic relations, and neither have Kuwait and the Jewish state.",
        {("SAU", R, "ISR", "denied"), ("ISR", R, "SAU", "denied"), ("KWT", R, "ISR", "denied"),
         ("ISR", R, "KWT", "denied")},
    ),
    (
        "Trump hailed the Abraham Accords, under which Bahrain and Morocco established relations with "
        "Israel.",
        {("BHR", R, "ISR", "in_force"), ("ISR", R, "BHR", "in_force"), ("MAR", R, "ISR", "in_force"),
         ("ISR", R, "MAR", "in_force"), ("BHR", M, "abraham_accords", "in_force"),
         ("MAR", M, "abraham_accords", "in_force"), ("ISR", M, "abraham_accords", "in_force")},
    ),
    (
        "Egypt hosts the talks. It joined the African Union at its founding, and became a member of BRICS "
        "in 2024.",
        {("EGY", M, "african_union", "in_force"), ("EGY", M, "brics", "in_force")},
    ),
    (
        "The Arab League met in Cairo. NATO was silent. Libya is a member of the 22-nation league.",
        {("LBY", M, "arab_league", "in_force")},
    ),
    (
        "Moldova lost control of Transnistria in the 1990s. No country recognises Transnistria, not even "
        "Russia.",
        {("RUS", R, "TRANSNISTRIA", "denied")},
    ),
    (
        "Abkhazia and South Ossetia broke away from Georgia in the 1990s. Russia recognised both in 2008. "
        "A few states - Nauru and Syria - have followed Russia in recognising them.",
        {(x, R, y, "in_force") for x in ("RUS", "NRU", "SYR") for y in ("ABKHAZIA", "SOUTH_OSSETIA")},
    ),
    (
        "Talks opened in Beijing. The talks bring together North and South Korea, China and Japan.",
        {("KOR", N, "PRK", "in_force"), ("PRK", N, "CHN", "in_force"), ("PRK", N, "JPN", "in_force"),
         ("KOR", N, "CHN", "in_force"), ("KOR", N, "JPN", "in_force"), ("CHN", N, "JPN", "in_force")},
    ),
    (
        "Tajikistan belongs, alongside Russia and Belarus, to the Collective Security Treaty Organization.",
        {(x, M, "csto", "in_force") for x in ("TJK", "RUS", "BLR")},
    ),
    (
        "The EU admitted ten states. Albania and Serbia were left out. Both hope to join the union soon.",
        {("ALB", M, "european_union", "proposed"), ("SRB", M, "european_union", "proposed")},
    ),
    (
        "Laos and Nepal take part in the SCO's work as observers.",
        {("LAO", M, "sco", "denied"), ("NPL", M, "sco", "denied")},
    ),
    (
        "The process is run by the Minsk Group of the OSCE, which is co-chaired by France and Russia.",
        {("FRA", M, "minsk_group", "in_force"), ("RUS", M, "minsk_group", "in_force")},
    ),
    (
        "Kiribati cut ties with Taipei. The move leaves Taiwan with 14 allies. They include Tuvalu and "
        "Belize.",
        {("KIR", R, "TWN", "ended"), ("TUV", R, "TWN", "in_force"), ("BLZ", R, "TWN", "in_force")},
    ),
    (
        "Estonia joined NATO in 2004. Russia protested. Latvia followed. Both Baltic states are members of "
        "the EU.",
        {(x, M, y, "in_force") for x in ("EST", "LVA") for y in ("nato", "european_union")},
    ),
    (
        "Leaders noted the debate in the region after Jamaica dropped the monarchy while staying in the "
        "Commonwealth.",
        {("JAM", M, "commonwealth", "in_force")},
    ),
    (
        "Kosovo is recognised by Malta, Albania and the Pacific island of Palau.",
        {(x, R, "XKX", "in_force") for x in ("MLT", "ALB", "PLW")},
    ),
    (
        "A deal would build on the Abraham Accords of 2020, under which Bahrain established relations with "
        "Israel.",
        {("BHR", R, "ISR", "in_force"), ("ISR", R, "BHR", "in_force"),
         ("BHR", M, "abraham_accords", "in_force"), ("ISR", M, "abraham_accords", "in_force")},
    ),
    (
        "NATO grew to 26 members. The newcomers - Latvia, Slovakia and Slovenia - joined in March.",
        {(x, M, "nato", "in_force") for x in ("LVA", "SVK", "SVN")},
    ),
    (
        "Morocco signed the accords in 2020 but has yet to open an embassy; Sudan signed them in 2021 but "
        "has yet to establish diplomatic relations with Israel.",
        {("SDN", R, "ISR", "denied")},
    ),
    (
        "Syria is due to sign an agenda for a peace treaty with Israel on Tuesday.",
        set(),
    ),
    (
        "Kuwait and Qatar host trade offices, but neither Gulf state has diplomatic ties with Israel.",
        {("KWT", R, "ISR", "denied"), ("ISR", R, "KWT", "denied"), ("QAT", R, "ISR", "denied"),
         ("ISR", R, "QAT", "denied")},
    ),
    ("Canada and its NATO allies sent troops. Greece's NATO allies protested.",
     {("CAN", M, "nato", "in_force"), ("GRC", M, "nato", "in_force")}),
    (
        "Canada, the fifth member of the Five Eyes intelligence-sharing network along with Britain and "
        "Australia, was absent.",
        {(x, M, "five_eyes", "in_force") for x in ("CAN", "GBR", "AUS")},
    ),
    (
        "APEC brings together the ASEAN states - Brunei and Laos - with China and Peru.",
        {(x, M, "apec", "in_force") for x in ("BRN", "LAO", "CHN", "PER")}
        | {("BRN", M, "asean", "in_force"), ("LAO", M, "asean", "in_force")},
    ),
    (
        "Kosovo split from Serbia. Albania and Turkey decided to recognise the former Serbian province, "
        "whose ethnic Albanian leaders declared independence in February.",
        {("ALB", R, "XKX", "announced"), ("TUR", R, "XKX", "announced")},
    ),
    (
        "About 100 countries have recognised Kosovo. Spain, Cyprus and Slovakia have refused to do so.",
        {("ESP", R, "XKX", "denied"), ("CYP", R, "XKX", "denied"), ("SVK", R, "XKX", "denied")},
    ),
    (
        "Taiwan severed ties with Kiribati on Friday.",
        {("TWN", R, "KIR", "ended"), ("KIR", R, "TWN", "ended")},
    ),
    (
        "Sao Tome's leader spoke on Monday. The tiny island nation in the Gulf of Guinea broke off its ties "
        "with Taiwan.",
        {("STP", R, "TWN", "ended")},
    ),
    ("Chile sent its envoy, Ana Soto, as an observer, and a United Nations official also attended.", set()),
    (
        "Serbian and Kosovo Albanian negotiators have been meeting in Vienna since February.",
        {("SRB", N, "XKX", "in_force")},
    ),
    (
        "Neither Israel nor Sudan is a party to the Rome Statute.",
        {("ISR", M, "icc", "denied"), ("SDN", M, "icc", "denied")},
    ),
    (
        "The Commonwealth met. Fiji left in 1987 and returned in 1997. Nauru returned in 2011 after leaving "
        "in 2006.",
        {("FJI", M, "commonwealth", "in_force"), ("NRU", M, "commonwealth", "in_force")},
    ),
    (
        "Chad, Mali and Niger quit ECOWAS. The African Union has also suspended all three.",
        {(x, M, y, "ended") for x in ("TCD", "MLI", "NER") for y in ("ecowas", "african_union")},
    ),
    ("Mali and Niger said they remained committed to finding a negotiated solution.", set()),
    ("Oman and Qatar have been discussed as candidates.", set()),
    (
        "Bolivia and Ecuador, which had threatened to leave the OAS if the vote failed, hailed it.",
        {("BOL", M, "oas", "in_force"), ("ECU", M, "oas", "in_force")},
    ),
    (
        "Paris condemned Moscow's recognition last month of Abkhazia and South Ossetia, and said it would "
        "not recognise the two entities.",
        {("RUS", R, "ABKHAZIA", "in_force"), ("RUS", R, "SOUTH_OSSETIA", "in_force"),
         ("FRA", R, "ABKHAZIA", "denied"), ("FRA", R, "SOUTH_OSSETIA", "denied")},
    ),
    (
        "France recognised Palestine, and Malta said it would do the same.",
        {("FRA", R, "PSE", "in_force"), ("MLT", R, "PSE", "announced")},
    ),
    (
        "Djibouti deepened its regional ties this year, formally becoming a member of the East African "
        "Community in March.",
        {("DJI", M, "eac", "in_force")},
    ),
    ("Turkey signed a defence pact with Somalia in August.", set()),
    ("China's veto has kept Taiwan out of the United Nations.", {("TWN", M, "united_nations", "denied")}),
    (
        "The EU met. Nepal has ties with none of the five permanent members of the UN Security Council.",
        set(),
    ),
    (
        "Talks between Sudan and South Sudan, launched with fanfare in Addis Ababa in June, broke down "
        "within weeks.",
        {("SDN", N, "SSD", "ended")},
    ),
    ("Armenian and Azerbaijani officials are continuing peace talks.", {("ARM", N, "AZE", "in_force")}),
    ("Japan quits peace treaty talks with Russia.", {("JPN", N, "RUS", "ended")}),
    (
        "OPEC met in Vienna. Qatar suspended its membership for a second time in 2016. Angola suspended "
        "its membership in 2010 before returning in 2012.",
        {("QAT", M, "opec", "ended"), ("AGO", M, "opec", "in_force")},
    ),
    ("Ukraine and Moldova signed association agreements with the European Union in 2014.", set()),
    (
        "Armenia signed its accession agreement in Minsk on October 10 and is expected to become a full "
        "member of the EAEU in January.",
        {("ARM", M, "eaeu", "announced")},
    ),
    (
        "Iran holds observer status in the SCO. Iran has applied for full membership.",
        {("IRN", M, "sco", "proposed")},
    ),
    (
        "The OSCE Minsk Group, co-chaired by Russia and France, has mediated since 1992.",
        {("RUS", M, "minsk_group", "in_force"), ("FRA", M, "minsk_group", "in_force")},
    ),
    ("Fiji ended its long-standing relations with Taiwan in 1975.", {("FJI", R, "TWN", "ended")}),
    (
        "Cuba left the OAS. In May it severed diplomatic ties with Chile, and in March it suspended "
        "relations with Peru.",
        {("CUB", M, "oas", "ended"), ("CUB", R, "CHL", "ended"), ("CUB", R, "PER", "ended")},
    ),
    ("Venezuela has kept its seat at CELAC.", {("VEN", M, "celac", "in_force")}),
    (
        "Peru remains in the Andean Community, the regional bloc it shares with Colombia and Ecuador.",
        {(x, M, "andean_community", "in_force") for x in ("PER", "COL", "ECU")},
    ),
    (
        "Iraq, the second-biggest producer in OPEC, agreed to the cut. Vietnam, a member of APEC and the "
        "largest economy in ASEAN after Indonesia, was absent.",
        {("IRQ", M, "opec", "in_force"), ("VNM", M, "apec", "in_force"), ("VNM", M, "asean", "in_force")},
    ),
    (
        "South Sudan became independent on Saturday. Kenya was the first country to establish diplomatic "
        "relations with the new state.",
        {("KEN", R, "SSD", "in_force"), ("SSD", R, "KEN", "in_force")},
    ),
    (
        "The Group of Seven suspended Russia from what was then the G8 in 2014.",
        {("RUS", M, "g8", "ended")},
    ),
    ("France recognised the killings as genocide, angering Ankara.", set()),
    (
        "Montenegro has been told that it must normalise relations with Kosovo before it can join.",
        {("MNE", R, "XKX", "proposed")},
    ),
    ("Japan has joined the United States and the European Union in imposing sanctions on Russia.", set()),
    (
        "ASEAN met in Hanoi. The association's partners, including Japan and Australia, will attend.",
        set(),
    ),
    (
        "Israel's foreign ministry said recognition of a Palestinian state could only come through talks.",
        set(),
    ),
    ("Taiwan cannot join the United Nations.", {("TWN", M, "united_nations", "denied")}),
    ("Thailand also pursues membership of the OECD.", {("THA", M, "oecd", "proposed")}),
    (
        "The Commonwealth met. Fiji, which left in 1987 after a coup that its critics called an outrage, "
        "was readmitted in 1997.",
        {("FJI", M, "commonwealth", "in_force")},
    ),
    (
        "Egypt joined BRICS on Monday. Algeria and Tunisia, Egypt's neighbours in the Arab League, had "
        "applied for full membership last year.",
        {("EGY", M, "brics", "in_force"), ("DZA", M, "brics", "proposed"), ("TUN", M, "brics", "proposed")},
    ),
    (
        "Sudan established relations with Israel in 2020 under agreements brokered by Washington known as "
        "the Abraham Accords.",
        {("SDN", R, "ISR", "in_force"), ("ISR", R, "SDN", "in_force"),
         ("SDN", M, "abraham_accords", "in_force"), ("ISR", M, "abraham_accords", "in_force")},
    ),
    (
        "Brazil recognised Palestine last week. Peru said it was studying a similar step.",
        {("BRA", R, "PSE", "in_force"), ("PER", R, "PSE", "proposed")},
    ),
    ("Cuba extended recognition to the Palestinians in 1988.", {("CUB", R, "PSE", "in_force")}),
    (
        "Bahrain normalised ties with Israel in September. Oman has not agreed to do the same.",
        {("BHR", R, "ISR", "in_force"), ("ISR", R, "BHR", "in_force"), ("OMN", R, "ISR", "denied")},
    ),
    (
        "Negotiations between Israel and the Palestinians broke down in April.",
        {("ISR", N, "PSE", "ended")},
    ),
    ("Clashes between Israeli troops and the Palestinians went on.", set()),
    (
        "Iraq and Syria cut diplomatic relations in 1980 and restored them in 2006.",
        {("IRQ", R, "SYR", "in_force"), ("SYR", R, "IRQ", "in_force")},
    ),
    (
        "Brazil and Argentina founded Mercosur in 1991 together with two smaller neighbours, Paraguay "
        "and Uruguay.",
        {(x, M, "mercosur", "in_force") for x in ("BRA", "ARG", "PRY", "URY")},
    ),
    (
        "Mercosur met. Brazil and Argentina launched the bloc in 1991, with Bolivia admitted in 2024.",
        {(x, M, "mercosur", "in_force") for x in ("BRA", "ARG", "BOL")},
    ),
    ("France founded the OECD, with American support.", {("FRA", M, "oecd", "in_force")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_gives_exactly_the_expected_facts(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    doc = Document(id="t", text=text, date=dt.date(2024, 5, 1))
    got = {(c.subject, c.predicate.value, c.object, c.status.value) for c in extract_document(doc).claims}
    assert got == expected


def test_description_resolves_to_the_kingdom_named_before() -> None:
    text = "Analysts expect Saudi Arabia to move slowly. The kingdom said it would not recognise Israel."
    claims = extract_document(Document(id="t", text=text)).claims
    assert {(c.subject, c.object, c.status.value) for c in claims} == {("SAU", "ISR", "denied")}


def test_event_date_is_resolved_against_the_article_date() -> None:
    doc = Document(id="t", text="Sweden joined NATO on 7 March.", date=dt.date(2024, 3, 8))
    [claim] = extract_document(doc).claims
    assert claim.event_date == dt.date(2024, 3, 7)


def test_a_date_after_the_article_makes_the_event_announced() -> None:
    doc = Document(id="t", text="Bulgaria joins the euro area on 1 January.", date=dt.date(2025, 7, 8))
    [claim] = extract_document(doc).claims
    assert claim.status.value == "announced" and claim.event_date == dt.date(2026, 1, 1)


def test_a_bare_month_in_a_sentence_told_in_the_past_is_the_last_one() -> None:
    text = "Lithuania, a member of NATO, withdrew in May from the forum."
    [claim] = extract_document(Document(id="t", text=text, date=dt.date(2021, 11, 21))).claims
    assert claim.status.value == "in_force" and claim.event_date == dt.date(2021, 5, 1)


def test_one_claim_per_triple_and_history_loses_to_the_news() -> None:
    text = "Qatar and Chad broke off ties in 2017. Qatar and Chad restored diplomatic relations on Monday."
    claims = extract_document(Document(id="t", text=text, date=dt.date(2021, 2, 22))).claims
    assert {(c.subject, c.object, c.status.value) for c in claims} == {
        ("QAT", "TCD", "in_force"),
        ("TCD", "QAT", "in_force"),
    }


def test_the_bloc_is_the_story_s_organisation_not_one_named_in_passing() -> None:
    text = (
        "Five governments froze their part in Mercosur. Mercosur has had no summit this year, and "
        "the bloc cannot agree on a budget. Its critics in the Lima Group of countries have said little. "
        "The bloc's remaining members, Bolivia and Uruguay, said they would stay."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2019, 4, 1))).claims
    assert {(c.subject, c.object) for c in claims if c.subject in ("BOL", "URY")} == {
        ("BOL", "mercosur"),
        ("URY", "mercosur"),
    }


def test_the_latest_organisation_is_meant_when_no_other_is_the_story_s() -> None:
    text = (
        "Mercosur met in May. Its critics in the Lima Group met too. "
        "The bloc's members, Peru and Chile, left early."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2019, 4, 1))).claims
    assert {(c.subject, c.object) for c in claims} >= {("PER", "lima_group"), ("CHL", "lima_group")}


def test_an_organisation_named_as_a_modifier_is_no_antecedent() -> None:
    # "the UN plan" names the UN in passing: "hope to join" means the bloc the story is about
    text = (
        "Malta joined the European Union in 2004. EU officials praised the talks on the UN plan. "
        "Iceland and Norway hope to join in 2030."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2004, 5, 1))).claims
    assert {(c.subject, c.object) for c in claims if c.subject in ("ISL", "NOR")} == {
        ("ISL", "european_union"),
        ("NOR", "european_union"),
    }


def test_the_organisation_is_the_story_s_own_not_a_currency_named_since() -> None:
    text = (
        "The OECD invited Estonia to join. The organisation's members agreed unanimously. "
        "The OECD said the talks took three years. Estonia plans to adopt the single currency next year. "
        "Chile became the organisation's newest member in May."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2010, 5, 10))).claims
    assert ("CHL", "oecd") in {(c.subject, c.object) for c in claims}
    assert "eurozone" not in {c.object for c in claims if c.subject == "CHL"}


def test_a_joining_without_an_object_means_the_story_s_alliance_when_the_last_was_in_passing() -> None:
    text = (
        "Albania became NATO's newest member on Friday. The alliance welcomed it, and NATO flags were "
        "raised. Greek officials cited the Prespa agreement. A ceremony was held in Tirana. "
        "Croatia joined in 2009."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2020, 3, 27))).claims
    assert {(c.object, c.status.value) for c in claims if c.subject == "HRV"} == {("nato", "in_force")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation described with modifiers is read like "the bloc"
        (
            "Venezuela joined the Organization of American States in 1948. "
            "Venezuela began quitting the Washington-based body in 2017.",
            {("VEN", "oas", "ended")},
        ),
        # a description followed by the name, or by "'s", is not read as a description
        (
            "The United Nations met in May. Eritrea suspended its membership of the regional bloc "
            "IGAD in 2007.",
            {("ERI", "igad", "ended")},
        ),
    ],
)
def test_described_organisation(text: str, expected: set[tuple[str, str, str]]) -> None:
    claims = extract_document(Document(id="t", text=text, date=dt.date(2019, 1, 1))).claims
    assert {(c.subject, c.object, c.status.value) for c in claims if c.predicate.value == M} == expected


def test_a_described_body_in_the_same_sentence_as_a_name_is_that_one() -> None:
    text = (
        "NATO met. NATO spoke. NATO agreed. Hungary joined the Council of Europe in November, while "
        "Poland expects to be admitted to the Strasbourg-based body later this year."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(1991, 7, 1))).claims
    assert {(c.subject, c.object, c.status.value) for c in claims if c.subject == "POL"} == {
        ("POL", "council_of_europe", "announced")
    }


def test_an_apposition_after_a_name_is_that_name_not_the_story_s_topic() -> None:
    text = (
        "The African Union met in May. The African Union welcomed Niger. The African Union spoke. "
        "Algeria helped found the Arab Maghreb Union, the five-nation bloc, in 1989."
    )
    mentions = described_agreements(text, find_mentions(text))
    actors = resolve(mentions, text, [s.start for s in split_sentences(text)])
    [bloc] = [a for a in actors if text[a.start : a.end] == "the five-nation bloc"]
    assert bloc.ids == ("arab_maghreb_union",)


def test_a_bare_month_after_the_article_date_is_last_year_s_when_told_in_the_past() -> None:
    text = "Senegal and Turkey were among the first countries to recognise Kosovo in February."
    claims = extract_document(Document(id="t", text=text, date=dt.date(2008, 10, 14))).claims
    assert {(c.subject, c.status.value, c.event_date) for c in claims} == {
        ("SEN", "in_force", dt.date(2008, 2, 1)), ("TUR", "in_force", dt.date(2008, 2, 1))
    }


def test_the_bloc_is_the_organisation_the_story_called_so() -> None:
    text = (
        "Algeria asked to join BRICS, the bloc of large emerging economies, officials in NATO said. "
        "NATO was not consulted. The request came after months of debate in Algiers about the "
        "country's place in the world economy and its ties with Moscow and Beijing, which analysts "
        "said had grown closer over the past decade as trade between them expanded quickly. "
        "The bloc admitted Ethiopia in 2024."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2024, 9, 1))).claims
    assert ("ETH", "brics") in {(c.subject, c.object) for c in claims}
    assert "nato" not in {c.object for c in claims if c.subject == "ETH"}


def test_a_sentence_of_talks_does_not_change_what_did_so_repeats() -> None:
    text = (
        "Sweden recognised Palestine in 2014. Talks between Israel and the Palestinians collapsed "
        "in April. Iceland did so in 2011."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2015, 1, 1))).claims
    assert ("ISL", "PSE", "in_force") in {(c.subject, c.object, c.status.value) for c in claims}


def test_the_bloc_named_once_in_passing_does_not_take_over_the_story_s_own() -> None:
    text = (
        "EU leaders met in Brussels. The EU agreed to open talks. EU officials were pleased. The EU "
        "will meet again. Georgia later quit the Commonwealth of Independent States, the loose grouping "
        "of former Soviet republics, in 2009. Croatia, the last country to join the bloc, did so in 2013."
    )
    claims = extract_document(Document(id="t", text=text, date=dt.date(2023, 12, 15))).claims
    assert ("HRV", "european_union") in {(c.subject, c.object) for c in claims}
    assert ("HRV", "cis") not in {(c.subject, c.object) for c in claims}
