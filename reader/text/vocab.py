"""Word lists the text stages use as evidence, kept as data in one place.

These are the generic words of web-page furniture, not names from any one
site: a line is only chrome when its *shape* agrees (short, unpunctuated, at
the edges of the page) or when it is wholly one of these phrases.
"""

from __future__ import annotations

# A line that is exactly one of these (case and punctuation ignored) is chrome.
CHROME_PHRASES = frozenset(
    """
    page nav|nav|navigation|hide|show|pages|classic header|header|footer|menu|main menu|
    home|homepage|search|skip to content|skip to main content|breaking news|breaking|
    latest|latest news|latest stories|trending|trending now|popular|most read|most popular|
    advertisement|advert|sponsored|sponsored content|promoted|ad|ads|read more|read next|
    more|see more|load more|show more|continue reading|share|share this|share this article|
    share on facebook|share on twitter|tweet|email|print|copy link|follow|follow us|
    subscribe|subscribe now|sign up|sign in|log in|login|register|my account|
    related|related articles|related stories|related topics|more on this story|
    you may also like|recommended|comments|no comments|view comments|add comment|
    leave a comment|back to top|top|close|open|toggle navigation|previous|next|
    previous article|next article|tags|topics|categories|accept|accept all|
    accept cookies|privacy policy|terms of use|terms and conditions|contact us|about us|
    all rights reserved|watch|listen|video|photos|gallery|live|opinion|news|world|
    sport|business|politics|technology|science|health|entertainment|lifestyle|travel
    """.split("|")
)
CHROME_PHRASES = frozenset(" ".join(p.split()) for p in CHROME_PHRASES)

# Words that make a short line a call to action or a notice wherever it stands.
CHROME_CUES = (
    "newsletter",
    "cookie",
    "cookies",
    "subscribe",
    "sign up",
    "follow us",
    "share this",
    "all rights reserved",
    "copyright",
    "advertisement",
    "click here",
    "download our app",
    "enable javascript",
)

# Verbs and phrases that say a line describes a picture (a caption).
PICTURE_CUES = (
    "pictured",
    "picture",
    "photo",
    "photograph",
    "image",
    "seen",
    "shown",
    "stands",
    "stand",
    "gather",
    "gathers",
    "poses",
    "pose",
    "sits",
    "sit",
    "arrive",
    "arrives",
    "walks",
    "walk",
    "looks on",
    "above",
    "below",
    "left",
    "right",
    "file photo",
    "credit",
    "getty",
    "reuters",
    "ap photo",
)

# Words before a name that say what a person is; never part of the name.
TITLES = frozenset(
    """mr mrs ms miss mx dr sir dame lord lady gen general president vice prime minister pm
    secretary chancellor king queen prince princess pope senator sen rep representative
    governor gov mayor judge justice professor prof captain capt colonel col lieutenant lt
    sergeant sgt commander admiral chief ambassador bishop archbishop rev reverend father
    premier deputy speaker spokesman spokeswoman spokesperson officer inspector detective
    foreign defence defense interior home finance health justice transport environment
    economy education culture trade energy tourism fisheries cabinet state chairman chairwoman
    chair ceo executive director assistant manager coach striker midfielder goalkeeper administrator councillor
    councilor commissioner superintendent sheriff attorney counsel provost rabbi imam
    cardinal sheikh emir president-elect congressman congresswoman assemblyman alderman mp mep fr msgr
    tsar czar tsarina emperor empress sultan pharaoh duchess countess baroness
    secretary-general attorney-general solicitor-general director-general governor-general
    surgeon-general inspector-general major-general lieutenant-general brigadier-general
    lieutenant-colonel vice-president vice-chancellor vice-chairman vice-admiral rear-admiral
    editor-in-chief commander-in-chief writer reporter correspondent columnist
    supervisor councilmember councilwoman councilman selectman selectwoman assemblywoman
    delegate treasurer comptroller magistrate constable trustee""".split()
)
# Titles that name a job or qualify things too ("General Meeting", "Chief Guest",
# "Goalkeeper Ability", "Executive Editor"): after one of them a word is no surer a person.
JOB_TITLES = frozenset(
    """general major chief private executive assistant coach striker midfielder goalkeeper director
    manager editor writer reporter correspondent columnist officer deputy vice delegate trustee
    treasurer spokesman spokeswoman spokesperson administrator supervisor""".split()
)
# Titles that only ever stand before a person's name (a body is never "Dr X").
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof rev fr msgr sen rep gov sgt capt col lt".split())
# Words of TITLES that only make a title with another after them ("Foreign
# Secretary X", "Health Minister Y"); alone they start a body's name
# ("Environment Canada", "State University").
OFFICE_WORDS = frozenset(
    """foreign defence defense interior home finance health justice transport environment
    economy education culture trade energy tourism fisheries cabinet state vice deputy""".split()
)
# Heads that make a capitalised name an organisation.
ORG_HEADS = frozenset(
    """ministry party union council committee agency authority association organisation
    organization bank corporation company group inc ltd plc corp llc co service services forces
    army navy police guard guards university college school institute foundation court
    parliament senate congress commission office department federation alliance league club
    team united city fc news times post telegraph herald gazette journal tribune radio
    television tv network airlines airways railways press media agency reuters bureau board
    consulate embassy
    government administration assembly society trust fund centre center hospital museum
    church democrats republicans coalition movement front show programme academy laboratory
    institution observatory library orchestra choir ensemble records studios
    entertainment publishing publishers productions pictures films industries holdings
    technologies systems motors pharmaceuticals laboratories labs partners ventures insurance
    securities bancorp broadcasting communications telecom magazine quarterly brewery
    band quartet trio corps regiment battalion brigade squadron fleet force
    cabinet secretariat tribunal directorate conservatory seminary polytechnic consortium
    syndicate cooperative confederation chamber guild caucus limited gmbh pty llp""".split()
)
# Lower-case nouns for a person right before a name ("her son Tom", "brother,
# Philonise", "economist Ann Lee", "singer Adele"): a person's name follows.
PERSON_NOUNS = frozenset(
    """son sons daughter daughters wife husband mother father brother sister uncle aunt cousin
    nephew niece grandson granddaughter grandmother grandfather widow widower fiancee fiance
    boyfriend girlfriend stepson stepdaughter mom dad
    actor actress singer rapper songwriter musician guitarist drummer pianist composer
    conductor dancer comedian director filmmaker producer writer author novelist poet
    playwright journalist reporter columnist editor photographer artist painter sculptor
    architect designer economist analyst scientist researcher historian professor lawyer
    attorney judge doctor surgeon nurse physician teacher student coach player striker
    quarterback pitcher goalkeeper midfielder defender forward manager chef entrepreneur
    billionaire investor activist campaigner lawmaker senator congressman congresswoman
    candidate spokesman spokeswoman spokesperson aide adviser advisor astronaut pilot
    officer detective sheriff soldier veteran pastor priest rabbi imam bishop monk nun""".split()
)
# Lower-case words beside a lone name that make it an organisation:
# "tyre giant Pirelli", "Interfax news agency", "the carrier said".
ORG_CUES = frozenset(
    """giant firm company group maker carmaker carrier airline agency newspaper daily broadcaster
    insurer retailer lender bank conglomerate distributor manufacturer producer brewer
    supplier operator chipmaker automaker""".split()
)
# Words of sports reports: an article with several of them is about sport, where a
# town's name is mostly its team ("Bury beat Hull", "Surrey need 200 runs").
SPORT_WORDS = frozenset(
    """soccer football cricket rugby tennis golf baseball basketball hockey cycling athletics
    match matches fixture fixtures season league championship tournament semi-final quarter-final
    goal goals scored scorer striker midfielder defender goalkeeper coach club clubs squad
    beat beaten defeat defeated draw drew drawn victory points standings division relegation
    promoted promotion playoff playoffs innings wickets wicket batting bowler bowling pitch
    stadium touchdown quarterback inning pitcher homer lap podium""".split()
)
# Of those, the words an election, a market or a school uses as often: "victory",
# "defeat", "points", "pitch", "season", "coach". An article needs one sport word besides.
SPORT_SHARED_WORDS = frozenset(
    """victory defeat defeated beat beaten points pitch draw drew drawn season promoted promotion
    division lap scored coach club clubs""".split()
)
# Distinct sport words that make an article a sports report, and how many of them must say sport alone.
SPORT_ARTICLE_WORDS = 4
SPORT_ONLY_ARTICLE_WORDS = 1
# What a company does, right after its name ("Apple announced", "Toyota recalled").
BUSINESS_VERBS = frozenset(
    """announced announces launched launches unveiled unveils acquired acquires released releases
    shipped ships recalled recalls manufactures employs merged""".split()
)
# What a company has, after its possessive ("Apple's chief executive", "Toyota's shares").
BUSINESS_AFTER_POSSESSIVE = frozenset(
    """shares stock ceo chief chairman founder co-founder board shareholders investors subsidiary
    products product revenue revenues profit profits earnings sales headquarters employees
    workers customers stores brand platform app apps software devices factory factories plant
    plants market valuation""".split()
)
# Words before "of/in/at/by X" that make X a company ("shares of X", "a stake in X").
BUSINESS_BEFORE = frozenset(
    """shares stock stake employees workers staff executives executive customers investors owner
    founder co-founder ceo chairman subsidiary unit division spokesperson spokesman spokeswoman
    acquired bought owned""".split()
)
# Last words of newspapers' names that alone name no body ("Houston Chronicle",
# "Toronto Star", "Des Moines Register"): after a town they are a masthead.
MASTHEAD_WORDS = frozenset(
    """chronicle globe star sun mirror standard independent express record register review monitor
    guardian observer examiner inquirer enquirer courier dispatch sentinel ledger advertiser bulletin
    beacon argus citizen leader statesman mercury gleaner clarion""".split()
)
# Words after a name that make it a place ("the Kuznica border crossing").
PLACE_HEADS = frozenset(
    """border crossing region province city town village county district river island islands
    valley street road square bay sea ocean lake mountain mountains airport port harbour
    harbor peninsula coast state capital avenue ave boulevard blvd lane highway brook creek canal
    strait hill hills heights beach dock docks bridge parish borough township municipality
    territory prefecture plateau reservoir springs stadium arena""".split()
)
# Compass words: "Middle East", "Far East" end in one; "South Korean" is a people.
COMPASS = frozenset("north south east west northern southern eastern western central middle far".split())
# Heads that make a run an event or a competition ("World Cup", "U.S. Open"): no entity type of ours.
EVENT_HEADS = frozenset(
    "cup open tour games olympic olympics championship championships series trophy prix festival awards finals final"
    " marathon derby classic expo summit conference bowl regatta rally tournament playoffs jubilee carnival"
    # Agreements and laws, named like events: "Paris Agreement", "Kyoto Protocol", "Patriot Act".
    " agreement accord accords treaty protocol pact act".split()
)
PLACE_PREPOSITIONS = frozenset("in at from near to into across outside inside towards toward via".split())
SPEECH_VERBS = frozenset(
    """said says say told tells added adds asked asks wrote writes warned warns claimed claims
    insisted insists explained explains announced announces stated states declared declares
    replied replies noted notes argued argues urged urges boasted boasts vowed vows admitted
    admits recalled recalls suggested suggests tweeted tweets posted continued continues
    responded responds confirmed confirms denied denies according reiterated shouted gushed
    quipped joked remarked stressed cautioned predicted conceded acknowledged observed reported
    reports contended countered assured promised pledged threatened complained lamented mused
    scoffed snapped retorted wondered emphasized emphasised maintained proclaimed recounted
    testified described describes called calls accused accuses criticized criticised criticizes
    criticises fumed interjected agreed agrees compared compares praised praises slammed slams
    blasted blasts chided mocked demanded demands assured assures charged charges acknowledges
    advised advises commented answered answers exclaimed whispered asserted asserts""".split()
)
# Verbs of how words were said, common in dialogue ('“Leave it,” growled
# Lee', '“Never!” cried Ann'): speech verbs where a tag is read, kept out of
# SPEECH_VERBS, which the entity tagger's features were fitted with. Not
# "repeated", "pleaded", "inquired", "interrupted": on the archive and LitBank
# they report no quotation as often ('a pledge he has often repeated').
DIALOGUE_VERBS = frozenset(
    """cried cries shrieked screamed yelled yells growled muttered murmured sighed resumed protested begged
    roared stammered hissed""".split()
)
# The participles that report speech in a clause of their own: "…, saying “…”",
# "where Lee began by arguing that “…”" (their subject is the sentence's).
SPEECH_PARTICIPLES = frozenset(
    """saying telling adding warning writing asking noting arguing insisting explaining claiming asserting
    stating declaring recalling replying answering stressing urging""".split()
)
# What written words are in, which "reads" ("the statement read", "the tweet from
# Lee reads"): its author, if named, wrote the quotation.
DOCUMENTS = frozenset(
    """statement statements tweet tweets post posts posting comment comments letter letters story article
    message messages note notes sign signs caption description headline notice email e-mail text release
    banner placard poster card label inscription plaque entry website site page bio profile tagline slogan
    ad advert advertisement memo petition announcement editorial review blurb""".split()
)
# Abbreviations whose full stop does not end a sentence ("Rep. Ann Lee").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st sen rep gov gen lt col capt sgt prof rev fr msgr jr sr inc ltd co corp no vs del atty adm
    cmdr supt jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k""".split()
)
# Calls to action that open a page's sentences ("See Facebook's own description",
# "Follow Ann Lee on Twitter", "Read Reuters' coverage"): a verb, never part of a name.
CALLS_TO_ACTION = frozenset("see read watch listen click visit follow contact call subscribe download join".split())
# Feasts and holidays: a date, never a person's or a place's name alone ("by
# Christmas"; Christmas is a census surname and a small town too).
HOLIDAYS = frozenset("christmas easter thanksgiving halloween hanukkah passover ramadan diwali".split())
# Capitalised words that are never names on their own: calendar words and the
# function words that start sentences.
NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december the a an this that these those
    it its he she they we i you his her their our my your there here then when while after
    before if but and or so yet as at in on of for with by from to into about over under
    meanwhile however although though also more most many some several all both each every
    one two three four five six seven eight nine ten hundreds thousands dozens mr mrs ms
    yesterday today tomorrow tonight last next first second new old other another what who
    why how where which no not yes ahead asked speaking until since despite during without
    within among against because unless whether even just only still now once later earlier
    instead indeed perhaps such much any few none nothing everyone everybody people thanks
    please sorry well oh ok okay am is are was were do does did can could should would shall has
    have had""".split()
)
# Peoples' names that do not grow from their country's name (Netherlands /
# Dutch), which is_demonym() cannot derive, and a party's members (Republicans):
# groups of people, not one person, place or body. The regular ones it derives.
IRREGULAR_DEMONYMS = frozenset(
    """dutch french frenchman frenchmen frenchwoman irish scottish scots welsh swiss greek greeks thai thais
    danish dane danes swede
    swedes finn finns briton britons pole poles turk turks czech czechs slovak slovaks
    croat croats serb serbs kurd kurds arab arabs basque basques filipino filipinos
    argentine argentines kurdish jewish jews moslem moslems muslim muslims christian christians
    catholic catholics english german germans somali somalis republican republicans democrat democrats
    tory tories""".split()
)
# Capitalised abbreviations that name no one and nothing: common nouns of English
# written in capitals (eras, time zones, offices, media, science, medicine, money,
# computing and the web: CSS, SEO, HD), and diseases (COVID, SARS).
# Not those that are also a US state's code (MD, OK, CT, AR, PA) or a pronoun (IT); ID
# is identity far more often than Idaho, which news writes out or as "Ida.".
NOT_ENTITY_ACRONYMS = frozenset(
    """AD BC BCE CE GMT UTC ET PT EST EDT CST CDT MST MDT PST PDT BST CET CEST
    CEO CFO COO CTO CIO VP PM AM MEP MSP MLA MPP
    TV HDTV DVD CD LP EP DJ FM AC VR AI PC GPS LED LCD USB PDF URL HTML RSS SMS ATM PIN ID ISP VPN CPU GPU RAM
    DNA RNA HIV AIDS MRI ICU UV PHD PhD IQ BMI ADHD PTSD OCD GMO CO2
    GDP GNP CPI PMI IPO ETF VAT GST ROI KPI APR EPS USD EUR GBP JPY CHF CNY AUD DKK SEK
    SUV MVP VIP DIY FAQ ASAP RSVP TBA NGO LGBT LGBTQ STEM ICT GIS RBI ERA KO
    CSS JSON XML API SDK OS SSD HDD HD UHD HDR SEO PR PS QR NFT RPG FPS ECG EKG PMID COVID SARS MERS""".split()
)
CONNECTORS = frozenset("of de del della da van von der den du la le al el bin".split())
PRONOUNS = frozenset("he she they him her them".split())
