"""Who acts on whom, per mechanism and per language: actors named outside the sentence ("the parties", "both
countries", "ambos ministros", "стороны"), the host of a meeting, an envoy's posting, the author of what is
rejected. Real models parse each text; entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


def directed(article) -> set[tuple[str, str, str]]:
    """(type, source, target) as coded, a mutual event in its coded direction only."""
    return {(e.type, e.source.code, e.target.code) for e in article.events}

# (language, text, pairs that must be found, pairs that must not)
CASES = {
    # "the parties", "both ...", "the two ministers": the two sides named before, also across sentences
    "parties": [
        ("en", "The foreign ministers of Greece and Kazakhstan met in Astana on Monday. "
               "The two ministers are expected to sign a memorandum on consular cooperation.",
         {("AGREE", "GRC", "KAZ")}, set()),
        ("es", "Los cancilleres de Grecia y Kazajistán se reunieron en Astaná. "
               "Ambos ministros firmarán un memorando de cooperación consular.",
         {("AGREE", "GRC", "KAZ")}, set()),
        ("ru", "Министры иностранных дел Греции и Казахстана встретились в Астане. "
               "Стороны подписали меморандум о консульском сотрудничестве.",
         {("AGREE", "GRC", "KAZ")}, set()),
    ],
    # a one-sided act of both sides on each other
    "reciprocal": [
        ("en", "Fighting broke out between Thailand and Cambodia on Thursday. "
               "Both countries accused the other of firing first.",
         {("ACCUSE", "THA", "KHM"), ("ACCUSE", "KHM", "THA")}, set()),
        ("es", "Los combates estallaron entre Tailandia y Camboya el jueves. "
               "Ambos países se acusaron mutuamente de disparar primero.",
         {("ACCUSE", "THA", "KHM"), ("ACCUSE", "KHM", "THA")}, set()),
        ("ru", "В четверг на границе Таиланда и Камбоджи начались бои. "
               "Обе страны обвинили друг друга в провокации.",
         {("ACCUSE", "THA", "KHM"), ("ACCUSE", "KHM", "THA")}, set()),
    ],
    # a group an adjective picks out is not the two sides
    "described group": [
        ("en", "Russia and Ukraine resumed talks in Istanbul. Western countries have been supporting the war-hit nation.",
         set(), {("SUPPORT", "RUS", "UKR"), ("SUPPORT", "UKR", "RUS")}),
    ],
    # a meeting held in one side's capital is the other side's visit: the host is the target
    "host": [
        ("en", "Russian Foreign Minister Sergei Lavrov met Kazakh Foreign Minister Murat Nurtleu in Moscow on Monday.",
         {("CONSULT", "KAZ", "RUS")}, {("CONSULT", "RUS", "KAZ")}),
        ("es", "El canciller ruso, Serguéi Lavrov, se reunió con su homólogo kazajo, Murat Nurtleu, en Moscú.",
         {("CONSULT", "KAZ", "RUS")}, {("CONSULT", "RUS", "KAZ")}),
        ("ru", "Министр иностранных дел России Сергей Лавров встретился с главой МИД Казахстана Муратом Нуртлеу "
               "в Москве.",
         {("CONSULT", "KAZ", "RUS")}, {("CONSULT", "RUS", "KAZ")}),
        # a place a demonym describes is in that country: its host (venue_nouns)
        ("en", "The Chilean president and the Argentine president met in the Chilean city of Valparaiso.",
         {("CONSULT", "ARG", "CHL")}, {("CONSULT", "CHL", "ARG")}),
        ("es", "El presidente de Chile mantuvo una reunión con el presidente argentino en la ciudad chilena de "
               "Valparaíso.", {("CONSULT", "ARG", "CHL")}, {("CONSULT", "CHL", "ARG")}),
        ("ru", "Президент Чили и президент Аргентины встретились в чилийском городе Вальпараисо.",
         {("CONSULT", "ARG", "CHL")}, {("CONSULT", "CHL", "ARG")}),
    ],
    # an envoy's posting: the host summons a foreign envoy (a summons is an ACCUSE); a posting is no party by position
    "posting": [
        ("en", "The Polish ambassador in Moscow was summoned to the foreign ministry on Monday.",
         {("ACCUSE", "RUS", "POL")}, set()),
        ("ru", "Посла Польши в Москве вызвали в МИД.",
         {("ACCUSE", "RUS", "POL")}, set()),
        ("es", "El canciller de Bolivia anunció su decisión de convocar al embajador chileno en Lima, Mario Soto, "
               "y de llamar a consultas a su embajador en Santiago.",
         {("ACCUSE", "BOL", "CHL")}, {("ACCUSE", "BOL", "PER")}),
    ],
    # what is rejected answers its author, not what it is about
    "author": [
        ("en", "The Guyana government on Wednesday denied Venezuela's claim of joint efforts by the United States "
               "and Guyana to increase a military presence.",
         {("REJECT", "GUY", "VEN")}, {("REJECT", "GUY", "USA")}),
        ("es", "El canciller chileno rechazó el reclamo que el presidente Evo Morales presentó en La Haya.",
         {("REJECT", "CHL", "BOL")}, set()),
        ("ru", "Армения отвергла заявление Азербайджана о поставках оружия из Франции.",
         {("REJECT", "ARM", "AZE")}, {("REJECT", "ARM", "FRA")}),
    ],
    # a condemned act answers whose act it is, not whom it was aimed at
    "owner": [
        ("en", "Britain condemned Russia's aggression against Ukraine.",
         {("ACCUSE", "GBR", "RUS")}, {("ACCUSE", "GBR", "UKR")}),
        ("es", "El gobierno argentino condenó la agresión de Rusia contra Ucrania.",
         {("ACCUSE", "ARG", "RUS")}, {("ACCUSE", "ARG", "UKR")}),
        ("ru", "Польша осудила агрессию России против Украины.",
         {("ACCUSE", "POL", "RUS")}, {("ACCUSE", "POL", "UKR")}),
    ],
    # the agent of a participle the parser hung on the noun inside an act's phrase is that act's doer: whose
    # sanctions are condemned, who imposes the blockade (a participle on the act's own noun stays its doer too)
    "nested participle": [
        ("en", "Belarus has condemned the sanctions against Minsk imposed by Poland.",
         {("ACCUSE", "BLR", "POL"), ("SANCTION", "POL", "BLR")}, {("SANCTION", "BLR", "POL")}),
        ("en", "The blockade of Gaza imposed by Israel has lasted for years.",
         {("SANCTION", "ISR", "PSE")}, {("SANCTION", "PSE", "ISR")}),
        ("es", "Bielorrusia condenó las sanciones contra Minsk impuestas por Polonia.",
         {("ACCUSE", "BLR", "POL"), ("SANCTION", "POL", "BLR")}, {("SANCTION", "BLR", "POL")}),
        ("ru", "Белоруссия осудила санкции против Минска, введённые Польшей.",
         {("ACCUSE", "BLR", "POL"), ("SANCTION", "POL", "BLR")}, {("SANCTION", "BLR", "POL")}),
        ("es", "El canciller reiteró el rechazo de Kazajistán al bloqueo impuesto por Estados Unidos contra Cuba.",
         set(), {("REJECT", "USA", "CUB")}),     # the participle of the act's own noun: the blockade's doer
        ("ru", "Санкции против России, введённые Польшей, вступили в силу.",
         {("SANCTION", "POL", "RUS")}, {("SANCTION", "RUS", "POL")}),
    ],
    # a helper named in a comitative phrase of help is no party to the act; its help goes to the act's doer
    "helper": [
        ("en", "NATO said it would tighten the naval blockade of Serbia in the Adriatic with Albania's help.",
         {("THREATEN", "NATO", "SRB")}, {("THREATEN", "NATO", "ALB")}),
        ("en", "NATO imposed a naval blockade on Serbia with the support of Albania.",
         {("SANCTION", "NATO", "SRB"), ("SUPPORT", "ALB", "NATO")}, {("SUPPORT", "ALB", "SRB")}),
        ("es", "La OTAN impuso un bloqueo naval a Serbia con el apoyo de Albania.",
         {("SANCTION", "NATO", "SRB"), ("SUPPORT", "ALB", "NATO")}, {("SUPPORT", "ALB", "SRB")}),
        ("ru", "НАТО ужесточит морскую блокаду Сербии при поддержке Албании.",
         {("THREATEN", "NATO", "SRB"), ("SUPPORT", "ALB", "NATO")}, {("SUPPORT", "ALB", "SRB")}),
    ],
    # a first-person verb in a quotation ("condenamos", "осуждаем") is the speaker's country's act, also where the
    # capitalised verb opening the quotation was taken for a name
    "first person": [
        ("en", '"We condemn the sanctions imposed by Poland," said Russian Foreign Minister Sergei Lavrov.',
         {("ACCUSE", "RUS", "POL")}, set()),
        ("es", '"Condenamos las sanciones de Polonia", dijo el canciller ruso, Serguéi Lavrov.',
         {("ACCUSE", "RUS", "POL")}, set()),
        ("ru", "«Осуждаем санкции Польши», — заявил министр иностранных дел России Сергей Лавров.",
         {("ACCUSE", "RUS", "POL")}, set()),
    ],
    # a description inside a quotation points ahead to the person named after the quotation, not to a later one
    "pointing ahead": [
        ("es", '"Acordamos impulsar la cooperación y también hablé con el presidente sobre el comercio", dijo la '
               'primera ministra japonesa, Sanae Takaichi, tras reunirse con el presidente surcoreano, Lee Jae-myung. '
               'Una semana antes, el presidente de China, Xi Jinping, visitó Seúl.',
         {("AGREE", "JPN", "KOR")}, {("AGREE", "JPN", "CHN"), ("CONSULT", "JPN", "CHN")}),
    ],
    # the actor's own envoy named by its country: the act concerns the posting ("llamó a consultas a la embajada
    # española en Buenos Aires" is Spain's act on Argentina, not on itself)
    "own envoy": [
        ("en", "Spanish Foreign Minister José Manuel Albares said he had recalled the Spanish ambassador in Buenos Aires.",
         {("SANCTION", "ESP", "ARG")}, set()),
        ("es", "El canciller español, José Manuel Albares, anunció que ha llamado a consultas a la embajadora española "
               "en Buenos Aires.",
         {("SANCTION", "ESP", "ARG")}, set()),
        ("ru", "Глава МИД Испании Хосе Мануэль Альбарес заявил, что отозвал испанского посла в Буэнос-Айресе.",
         {("SANCTION", "ESP", "ARG")}, set()),
    ],
    # the partner of the relations an event noun is about is its target, not its doer
    "relations with": [
        ("en", "Mexico's president announced the suspension of diplomatic relations with Ecuador.",
         {("SANCTION", "MEX", "ECU")}, {("SANCTION", "ECU", "MEX")}),
        ("es", "El presidente mexicano anunció la suspensión de las relaciones diplomáticas con Ecuador.",
         {("SANCTION", "MEX", "ECU")}, {("SANCTION", "ECU", "MEX")}),
        ("ru", "Президент Алжира объявил о разрыве дипломатических отношений с Марокко.",
         {("SANCTION", "DZA", "MAR")}, {("SANCTION", "MAR", "DZA")}),
    ],
    # a postposed speaker the parser hung under the speech verb's object is still the speaker; violence the
    # speaker's side announces is a threat
    "postposed speaker": [
        ("ru", "Заместитель министра иностранных дел Казахстана Ермухамбет Конуспаев встретился с послом Украины Петром "
               "Врублевским. «Чем больше мы убьем русских "
               "сейчас, тем меньше придется их убивать нашим детям», — сказал в интервью блогеру Врублевский.",
         {("THREATEN", "UKR", "RUS")}, {("ASSAULT", "UKR", "RUS")}),
    ],
    # a relative clause whose light verb carries the event noun names its doer and target
    "relative carrier": [
        ("es", "La ONU condenó el embargo que Rusia impone a Georgia desde hace años.",
         {("SANCTION", "RUS", "GEO")}, {("SANCTION", "UN", "RUS")}),
        ("en", "Japan criticized the sanctions that the European Union imposed on Russia in 2014.",
         {("SANCTION", "EU", "RUS")}, {("SANCTION", "JPN", "EU")}),
        ("ru", "Япония раскритиковала санкции, которые Евросоюз ввел против России в 2014 году.",
         {("SANCTION", "EU", "RUS")}, {("SANCTION", "JPN", "EU")}),
    ],
    # the members listed for "those who voted against"; a vote with the resolution unnamed answers the matter the
    # text is about: the side the latest two-sided act was aimed at
    "votes": [
        ("es", "Rusia mantiene un bloqueo sobre Georgia. Entre quienes votaron en contra se encuentran Bielorrusia, "
               "Siria y Corea del Norte.",
         {("REJECT", "BLR", "GEO"), ("REJECT", "SYR", "GEO"), ("REJECT", "PRK", "GEO")}, set()),
        ("es", "Rusia impone un bloqueo a Georgia. Entre los países que votaron en contra figuran Siria y Nicaragua.",
         {("REJECT", "SYR", "GEO"), ("REJECT", "NIC", "GEO")}, set()),
        ("en", "The General Assembly condemned the blockade that Russia imposes on Georgia. Syria and North Korea "
               "voted against.",
         {("REJECT", "SYR", "GEO"), ("REJECT", "PRK", "GEO")}, set()),
    ],
    # a threat aimed at whom the threatened act would hit, also through a chain of complements and the act's noun;
    # the purpose of a threatened act has not happened
    "threat chains": [
        ("es", "La UE advirtió que puede decidir renovar las sanciones contra Nicaragua.",
         {("THREATEN", "EU", "NIC")}, set()),
        ("es", "Perú rompió relaciones con Bolivia, amenazando con recurrir a la Corte Internacional de Justicia "
               "para denunciar a Bolivia.",
         {("THREATEN", "PER", "BOL")}, {("ACCUSE", "PER", "BOL")}),
        ("en", "The EU warned that it may decide to renew the sanctions against Nicaragua.",
         {("THREATEN", "EU", "NIC")}, set()),
        ("ru", "ЕС предупредил, что может принять решение продлить санкции против Никарагуа.",
         {("THREATEN", "EU", "NIC")}, set()),
    ],
    # a protest with no one named answers whoever acted before (not in English: "protested" there is mostly a crowd's)
    "protest answers": [
        ("es", "La policía peruana irrumpió en la embajada de Bolivia en Lima. El jefe de la misión diplomática "
               "boliviana, Luis Gómez, protestó vehementemente durante el operativo.",
         {("ACCUSE", "BOL", "PER")}, set()),
        ("ru", "Перуанская полиция ворвалась в посольство Боливии в Лиме. Глава боливийской миссии Луис Гомес резко "
               "протестовал во время операции.",
         {("ACCUSE", "BOL", "PER")}, set()),
    ],
    # an incursion into a place of no country named is into the other side of the matter the text is about
    "incursions": [
        ("es", "Colombia envió una nota de protesta a Venezuela. A finales de agosto se registró una incursión de "
               "uniformados venezolanos en una aldea de la frontera.",
         {("COERCE", "VEN", "COL")}, {("COERCE", "COL", "VEN")}),
        ("en", "Colombia lodged a protest with Venezuela. In late August there was an incursion by Venezuelan "
               "soldiers into a border village.",
         {("COERCE", "VEN", "COL")}, {("COERCE", "COL", "VEN")}),
    ],
    # a condemnation of an act named only by a word pointing back ("the move", "la acción", "этот шаг") answers
    # whoever acted before
    "condemned the move": [
        ("es", "La policía peruana irrumpió en la embajada de Bolivia en Lima. El presidente de Bolivia condenó la "
               "acción como una violación de la soberanía de Bolivia.",
         {("ACCUSE", "BOL", "PER")}, set()),
        ("en", "Peruvian police raided the Bolivian embassy in Lima. The Bolivian president condemned the move.",
         {("ACCUSE", "BOL", "PER")}, set()),
        ("ru", "Перуанская полиция ворвалась в посольство Боливии в Лиме. Президент Боливии осудил этот шаг.",
         {("ACCUSE", "BOL", "PER")}, set()),
        # ... the doer of the latest act found, not a third side named since (whom the speaker turned to for help)
        ("en", "Turkey launched air strikes on northern Iraq. The Iraqi government called on the United Nations to "
               "intervene. Iraq condemned this step.",
         {("ACCUSE", "IRQ", "TUR")}, {("ACCUSE", "IRQ", "UN")}),
        ("es", "Turquía lanzó ataques aéreos contra el norte de Irak. El Gobierno iraquí pidió a la ONU que "
               "intervenga. Irak condenó este paso.",
         {("ACCUSE", "IRQ", "TUR")}, {("ACCUSE", "IRQ", "UN")}),
        ("ru", "Турция нанесла авиаудары по северу Ирака. Правительство Ирака призвало ООН вмешаться. Ирак осудил "
               "этот шаг.",
         {("ACCUSE", "IRQ", "TUR")}, {("ACCUSE", "IRQ", "UN")}),
        ("ru", "Турция нанесла авиаудары по северу Ирака. Правительство Ирака обратилось к ООН за помощью. Ирак "
               "считает этот шаг грубым нарушением своего суверенитета.",
         {("ACCUSE", "IRQ", "TUR")}, {("ACCUSE", "IRQ", "UN")}),
    ],
    # an act said of both sides together without naming them: a reciprocal adjective, "between the two"
    "both unnamed": [
        ("es", "Los presidentes de Perú y Chile conversaron por teléfono. La llamada fue motivo para la expresión "
               "recíproca de condolencias por el terremoto en Arequipa.",
         {("SUPPORT", "PER", "CHL")}, set()),
        ("es", "Los presidentes de Perú y Chile conversaron por teléfono. No se anunció la fecha de la reunión entre "
               "ambos.",
         {("CONSULT", "PER", "CHL")}, set()),
        ("en", "Fighting broke out between Thailand and Cambodia. The clashes led to mutual accusations.",
         {("ACCUSE", "THA", "KHM"), ("ACCUSE", "KHM", "THA")}, set()),
        ("ru", "Президенты Перу и Чили провели телефонный разговор. Стороны обменялись взаимными соболезнованиями.",
         {("SUPPORT", "PER", "CHL")}, set()),
    ],
    # the importance of an act is what is discussed, not an act
    "matters discussed": [
        ("es", "Los líderes de Perú y Chile destacaron la importancia de cooperar con Brasil.",
         set(), {("COOPERATE", "PER", "BRA"), ("COOPERATE", "CHL", "BRA")}),
        ("en", "The leaders of Peru and Chile stressed the importance of cooperating with Brazil.",
         set(), {("COOPERATE", "PER", "BRA"), ("COOPERATE", "CHL", "BRA")}),
        ("ru", "Лидеры Перу и Чили подчеркнули необходимость сотрудничать с Бразилией.",
         set(), {("COOPERATE", "PER", "BRA"), ("COOPERATE", "CHL", "BRA")}),
    ],
}

# the doer's own people named in the sentence are no target of its act on its own envoy
CASES["own envoy"] = [
    ("es", "El canciller José Manuel Albares anunció que ha llamado a consultas a la embajadora española en Buenos "
           "Aires tras los insultos a Sánchez.", {("SANCTION", "ESP", "ARG")}, set()),
    ("en", "Foreign Minister José Manuel Albares said he had recalled the Spanish ambassador in Buenos Aires after "
           "the insults against Sánchez.", {("SANCTION", "ESP", "ARG")}, set()),
    ("ru", "Министр иностранных дел Испании Хосе Мануэль Альбарес отозвал посла Испании в Буэнос-Айресе после "
           "оскорблений в адрес Санчеса.", {("SANCTION", "ESP", "ARG")}, set()),
]

# the chances of an act examined at a meeting are its topic, no act
CASES["possibilities"] = [
    ("en", "Cuba's foreign minister met his Kazakh counterpart in New York, where they examined the possibilities "
           "of expanding cooperation between Cuba and Kazakhstan.", set(), {("COOPERATE", "CUB", "KAZ")}),
    ("es", "El canciller de Cuba y su homólogo de Kazajistán examinaron las posibilidades de ampliar la "
           "cooperación entre Cuba y Kazajistán.", set(), {("COOPERATE", "CUB", "KAZ")}),
    ("ru", "Министры иностранных дел Кубы и Казахстана обсудили перспективы расширения сотрудничества между Кубой "
           "и Казахстаном.", set(), {("COOPERATE", "CUB", "KAZ")}),
]

# credentials are presented, handed over or accepted; a country's "democratic credentials" are no accreditation
CASES["credentials"] = [
    ("en", "President Kwame Boateng of Ghana told the leaders of Togo: whatever we resolve will make or mar our "
           "democratic credentials.", set(), {("COOPERATE", "GHA", "TGO")}),
    ("en", "The Ambassador of Ghana presented his credentials to the President of Togo.", {("COOPERATE", "GHA", "TGO")},
     set()),
    ("es", "El presidente de Ghana dijo a los líderes de Togo que lo que resuelvan marcará sus credenciales "
           "democráticas.", set(), {("COOPERATE", "GHA", "TGO")}),
    ("es", "El embajador de Ghana presentó sus cartas credenciales al presidente de Togo.", {("COOPERATE", "GHA", "TGO")},
     set()),
]

# an order or medal conferred on the other side's person is an endorsement, kept apart from thanks of the same pair
CASES["award"] = [
    ("en", "Uzbek President Shavkat Mirziyoyev presented Tajik President Emomali Rahmon with the Order of Friendship.",
     {("SUPPORT", "UZB", "TJK")}, set()),
    ("en", "The President of Uzbekistan decorated the Ambassador of Tajikistan for his contribution to relations.",
     {("SUPPORT", "UZB", "TJK")}, set()),
    ("en", "Uzbekistan presented Tajikistan with a list of demands.", set(), {("SUPPORT", "UZB", "TJK")}),
    ("es", "El presidente de Uzbekistán condecoró al presidente de Tayikistán con la Orden de la Amistad.",
     {("SUPPORT", "UZB", "TJK")}, set()),
    ("ru", "Президент Узбекистана наградил президента Таджикистана орденом Дружбы.", {("SUPPORT", "UZB", "TJK")},
     set()),
    ("ru", "Президент Узбекистана вручил президенту Таджикистана орден Дружбы.", {("SUPPORT", "UZB", "TJK")}, set()),
]

# a participle after "filed X with Y" is the filer's act, not Y's; with a comma, "with Y doing" keeps Y its doer
CASES["participle after a partner"] = [
    ("en", "Ukraine filed a complaint with the United Nations accusing Russia of violating the treaty.",
     {("ACCUSE", "UKR", "RUS")}, {("ACCUSE", "UN", "RUS")}),
    ("en", "The talks ended on Friday, with Russia accusing Ukraine of sabotage.", {("ACCUSE", "RUS", "UKR")}, set()),
    ("es", "Ucrania presentó una queja ante la ONU acusando a Rusia de violar el tratado.", {("ACCUSE", "UKR", "RUS")},
     {("ACCUSE", "UN", "RUS")}),
    ("ru", "Украина направила жалобу в ООН, обвинив Россию в нарушении договора.", {("ACCUSE", "UKR", "RUS")},
     {("ACCUSE", "UN", "RUS")}),
]

# ", with X doing ...": X is the participle's doer, whichever way the parser hangs it, and no party to the main verb
CASES["absolute construction"] = [
    ("en", "Chile rejected the report on Monday, with Bolivia also accusing the Chilean president of ignoring the court.",
     {("ACCUSE", "BOL", "CHL")}, {("REJECT", "CHL", "BOL"), ("ACCUSE", "CHL", "CHL")}),
    ("en", "Peru closed the crossing overnight, with Ecuador accusing Peru of provocations.", {("ACCUSE", "ECU", "PER")},
     {("ACCUSE", "PER", "PER")}),
]

# relations cut by two sides that a word says each acted on ("both", "tanto ... como"): each side's act on the other;
# an act ", with X doing ..." of the same type and sides only details it; without such a word whose act it was is left
# to the rest of the text
CASES["each side"] = [
    ("en", "Both Peru and Ecuador have downgraded diplomatic relations, with Peru expelling the Ecuadorian ambassador.",
     {("SANCTION", "PER", "ECU"), ("SANCTION", "ECU", "PER")}, set()),
    ("en", "Algeria and Morocco severed diplomatic relations.", set(), {("SANCTION", "MAR", "DZA")}),
    ("es", "Tanto Perú como Ecuador rebajaron sus relaciones diplomáticas.", {("SANCTION", "PER", "ECU"),
                                                                           ("SANCTION", "ECU", "PER")}, set()),
    ("ru", "Обе страны, Перу и Эквадор, разорвали дипломатические отношения.", {("SANCTION", "PER", "ECU"),
                                                                               ("SANCTION", "ECU", "PER")}, set()),
]

# a speaker who says another side spreads propaganda or keeps up provocations accuses it: the subject of the verb
# whose object the noun is did it
CASES["conduct accused"] = [
    ("en", "Bolivia's foreign minister said Chile was spreading its usual propaganda.", {("ACCUSE", "BOL", "CHL")},
     {("ACCUSE", "CHL", "BOL")}),
    ("en", "Algeria's foreign minister said Morocco kept up its provocations.", {("ACCUSE", "DZA", "MAR")}, set()),
    ("es", "El canciller de Bolivia dijo que Chile difunde desinformación.", {("ACCUSE", "BOL", "CHL")}, set()),
    ("ru", "Министр иностранных дел Боливии заявил, что Чили распространяет пропаганду.", {("ACCUSE", "BOL", "CHL")},
     set()),
]

# harm done to what the speaker's possessive owns ("our positions"; "its" after a plural doer) is done to the speaker
CASES["speaker's possession hit"] = [
    ("en", "The Peruvian army said armed Ecuadorian soldiers opened fire near one of its border posts.",
     {("ASSAULT", "ECU", "PER")}, set()),
    ("es", "\"Las tropas ecuatorianas atacaron nuestras posiciones\", dijo el ministro de Defensa de Perú.",
     {("ASSAULT", "ECU", "PER")}, set()),
    ("ru", "«Эквадорские войска обстреляли наши позиции», заявил министр обороны Перу.", {("ASSAULT", "ECU", "PER")},
     set()),
    ("ru", "«Тем меньше придется воевать нашим детям», — сказал министр обороны Перу.", set(),
     {("ASSAULT", "PER", "PER")}),
]

# an amount given "in aid" is aid: the verb above the amount carries the event noun ("to" read as a dative too)
CASES["amount in aid"] = [
    ("en", "Norway will give $300 million in aid to Sudan.", {("AID", "NOR", "SDN")}, set()),
    ("en", "Norway to give $300 Million in aid to Sudan", {("AID", "NOR", "SDN")}, set()),
    ("es", "Noruega dará 300 millones de dólares en ayuda a Sudán.", {("AID", "NOR", "SDN")}, set()),
]

# a military operation launched in a country is an assault on it; a police or rescue operation is none
CASES["military operation"] = [
    ("en", "Since Turkey launched its military operation in Syria, the border has been closed.",
     {("ASSAULT", "TUR", "SYR")}, set()),
    ("en", "Turkey praised the police operation in Greece.", set(), {("ASSAULT", "TUR", "GRC")}),
    ("es", "Turquía lanzó una operación militar en Siria en octubre.", {("ASSAULT", "TUR", "SYR")}, set()),
    ("ru", "Турция начала военную операцию в Сирии в октябре.", {("ASSAULT", "TUR", "SYR")}, set()),
]

# what a summit is about is neither its host nor its guest
CASES["meeting topic"] = [
    ("en", "Ghana hosted the regional summit on the crisis in Mali on Sunday.", set(),
     {("CONSULT", "MLI", "GHA"), ("CONSULT", "GHA", "MLI")}),
    ("es", "Ghana acogió el domingo la cumbre regional sobre la crisis en Malí.", set(),
     {("CONSULT", "MLI", "GHA"), ("CONSULT", "GHA", "MLI")}),
    ("ru", "В воскресенье Гана провела региональный саммит по кризису в Мали.", set(),
     {("CONSULT", "MLI", "GHA"), ("CONSULT", "GHA", "MLI")}),
]

# thanks for aid: the aid is the thanked side's, also where the parser took a first name after "to" for a verb
CASES["thanked for aid"] = [
    ("en", "Mirziyoyev expressed gratitude to Sadyr Japarov and the people of Kyrgyzstan for the humanitarian assistance.",
     {("AID", "KGZ", "UZB"), ("SUPPORT", "UZB", "KGZ")}, set()),
    ("ru", "Мирзиёев выразил благодарность народу Киргизии за гуманитарную помощь.", {("AID", "KGZ", "UZB")}, set()),
]

# greetings and congratulations exchanged go both ways (one mutual event); congratulations sent go to whom they are
# sent (greetings an envoy conveys are protocol, not counted)
CASES["exchange"] = [
    ("en", "The presidents of Kazakhstan and Turkey spoke by phone on Monday. "
           "The two presidents exchanged greetings on the occasion of Eid al-Fitr.", {("SUPPORT", "KAZ", "TUR")}, set()),
    ("en", "Tokayev sent his congratulations to the President of Turkey.", {("SUPPORT", "KAZ", "TUR")}, set()),
    ("en", "Kazakhstan and Turkey exchanged prisoners.", set(), {("SUPPORT", "KAZ", "TUR")}),
    ("es", "Kazajistán y Turquía intercambiaron saludos.", {("SUPPORT", "KAZ", "TUR")}, set()),
    ("es", "Tokáyev envió sus felicitaciones al presidente de Turquía.", {("SUPPORT", "KAZ", "TUR")}, set()),
    ("ru", "Казахстан и Турция обменялись поздравлениями.", {("SUPPORT", "KAZ", "TUR")}, set()),
]

# a subject naming a state's government ("el régimen", "the government", "режим") refers back to a state, never to
# the organisation named before it (state_subjects)
CASES["state subject"] = [
    ("en", "The European Union renewed its sanctions against Belarus. The regime expelled the Polish ambassador.",
     {("SANCTION", "BLR", "POL")}, {("SANCTION", "EU", "POL")}),
    ("en", "NATO criticised Iran on Monday. The government recalled its ambassador from Brussels.",
     set(), {("SANCTION", "NATO", "BEL")}),
    ("es", "La Unión Europea renovó sus sanciones contra Bielorrusia. El régimen expulsó al embajador de Polonia.",
     {("SANCTION", "BLR", "POL")}, {("SANCTION", "EU", "POL")}),
    ("es", "La OEA condenó a Venezuela. El Gobierno expulsó a la embajadora de Colombia.",
     {("SANCTION", "VEN", "COL")}, {("SANCTION", "OAS", "COL")}),
    ("ru", "Евросоюз продлил санкции против Белоруссии. Режим выслал посла Польши.",
     {("SANCTION", "BLR", "POL")}, {("SANCTION", "EU", "POL")}),
]

# a meeting "between" two sides that a third organised or hosted: the two sides meet, the host is none of them
CASES["hosted meeting"] = [
    ("en", "Oman hosted talks between the United States and Iran on Saturday.",
     {("CONSULT", "USA", "IRN")}, {("CONSULT", "OMN", "USA"), ("CONSULT", "USA", "OMN"), ("CONSULT", "IRN", "OMN")}),
    ("es", "Omán organizó una ronda de negociaciones entre Estados Unidos e Irán el sábado.",
     {("CONSULT", "USA", "IRN")}, {("CONSULT", "OMN", "USA"), ("CONSULT", "OMN", "IRN")}),
    ("es", "Turquía fue anfitriona de las conversaciones entre Rusia y Ucrania en Estambul.",
     {("CONSULT", "RUS", "UKR")}, {("CONSULT", "RUS", "TUR"), ("CONSULT", "TUR", "RUS")}),
    ("ru", "Оман организовал переговоры между США и Ираном.",
     {("CONSULT", "USA", "IRN")}, {("CONSULT", "OMN", "USA"), ("CONSULT", "OMN", "IRN")}),
]

# an act named inside a participle that has its own agent ("las heridas sufridas por el personal durante la
# incursión") is that scene's, not the act of the main clause's subject
CASES["participle scene"] = [
    ("en", "Peruvian police stormed the Bolivian embassy in Lima. The Bolivian foreign minister announced the breaking "
           "of relations with Peru over the injuries suffered by embassy staff during the police raid.",
     {("COERCE", "PER", "BOL")}, {("COERCE", "BOL", "PER")}),
    ("es", "La policía peruana irrumpió en la embajada de Bolivia en Lima. El canciller boliviano anunció la ruptura de "
           "relaciones con Perú debido a las heridas sufridas por el personal de la embajada durante la incursión "
           "policial.", {("COERCE", "PER", "BOL")}, {("COERCE", "BOL", "PER")}),
    ("ru", "Перуанская полиция ворвалась в посольство Боливии в Лиме. Министр иностранных дел Боливии объявил о "
           "разрыве отношений с Перу из-за травм, полученных сотрудниками посольства во время полицейского рейда.",
     {("SANCTION", "BOL", "PER")}, {("COERCE", "BOL", "PER")}),
]

# an envoy told to appear at the ministry is summoned, no demand of the speaker's; another obligation still is one
CASES["summons detail"] = [
    ("en", "The Bolivian foreign minister said the Chilean ambassador must appear at the ministry on Monday.",
     set(), {("REQUEST", "BOL", "CHL")}),
    ("es", "El canciller boliviano indicó que el embajador chileno deberá comparecer el lunes en la cancillería.",
     set(), {("REQUEST", "BOL", "CHL")}),
    ("es", "El canciller boliviano indicó que Chile deberá retirar sus tropas de la frontera.",
     {("REQUEST", "BOL", "CHL")}, set()),
    ("ru", "Министр иностранных дел Боливии заявил, что посол Чили должен явиться в МИД в понедельник.",
     set(), {("REQUEST", "BOL", "CHL")}),
]

PARAMS = [(mechanism, *case) for mechanism, cases in CASES.items() for case in cases]


@pytest.mark.parametrize("mechanism,language,text,wanted,unwanted", PARAMS,
                         ids=[f"{p[0]}-{p[1]}-{n}" for n, p in enumerate(PARAMS)])
def test_actors_by_mechanism(mechanism, language, text, wanted, unwanted):
    article = code_events(text, language)
    found = directed(article) if mechanism == "host" else triples(article)
    assert wanted <= found, f"{mechanism}: missing {wanted - found} in {found}"
    assert not unwanted & found, f"{mechanism}: wrong {unwanted & found}"


@pytest.mark.parametrize("language,text", [
    ("es", "El presidente de Corea del Sur se reunió con el primer ministro de Japón en Nara. Tras la cumbre, ambos "
           "líderes visitarán mañana un templo budista."),
    ("en", "The president of South Korea met the prime minister of Japan in Nara. After the summit, both leaders will "
           "visit a Buddhist temple."),
])
def test_both_sides_visiting_a_place_do_not_visit_each_other(language, text):
    article = code_events(text, language)
    assert not [e for e in article.events if e.mode == "visit"], [(e.type, e.mode, e.source.code) for e in article.events]



@pytest.mark.parametrize("language,text", [
    ("en", "Kazakhstan and Turkey exchanged congratulations on the anniversary."),
    ("es", "Kazajistán y Turquía intercambiaron felicitaciones."),
    ("ru", "Казахстан и Турция обменялись поздравлениями."),
])
def test_greetings_exchanged_are_one_mutual_event(language, text):
    events = [e for e in code_events(text, language).events if e.type == "SUPPORT"]
    assert len(events) == 1 and events[0].mutual, [(e.source.code, e.target.code, e.mutual) for e in events]


@pytest.mark.parametrize("language,text,expected", [
    ("en", "The UN mission in Mali condemned Russia for the raid.", ("ACCUSE", "UN", "RUS")),
    ("en", "The French embassy in Mali accused Russia of spreading lies.", ("ACCUSE", "FRA", "RUS")),
    ("es", "La embajada de Francia en Malí acusó a Rusia de difundir mentiras.", ("ACCUSE", "FRA", "RUS")),
    ("ru", "Миссия ООН в Мали осудила Россию за нападение.", ("ACCUSE", "UN", "RUS")),
    ("ru", "Посольство Франции в Мали обвинило Россию во лжи.", ("ACCUSE", "FRA", "RUS")),
])
def test_an_envoy_that_acts_is_the_doer_and_its_posting_no_target(language, text, expected):
    """A posted envoy or mission that is the subject acts itself: what it condemns is the target, not the country it
    is posted in."""
    found = triples(code_events(text, language))
    assert expected in found and (expected[0], expected[1], "MLI") not in found


def test_an_act_detailing_the_act_above_it_is_the_same_event():
    text = "Both Peru and Ecuador have downgraded diplomatic relations, with Peru expelling the Ecuadorian ambassador."
    events = [e for e in code_events(text, "en").events if (e.source.code, e.target.code) == ("PER", "ECU")]
    assert len(events) == 1, [(e.type, e.mode, e.trigger.text) for e in events]


@pytest.mark.parametrize("language,text,count", [
    # a call and a meeting in person of one pair are two events ([kinds.CONSULT])
    ("en", "The presidents of Mexico and the United States held a phone call on Tuesday. The two leaders had met in "
           "Washington in January.", 2),
    ("es", "Los presidentes de México y Estados Unidos sostuvieron una conversación telefónica el martes. Ambos "
           "mandatarios se habían reunido en Washington en enero.", 2),
    ("ru", "Президенты Мексики и США провели телефонный разговор во вторник. Лидеры двух стран встречались в "
           "Вашингтоне в январе.", 2),
    # a visit and the meeting held during it are one
    ("en", "The Mexican president visited Washington on Tuesday. During the visit, he met the US president at the "
           "White House.", 1),
    ("es", "El presidente de México visitó Washington el martes. Durante la visita, se reunió con el presidente de "
           "Estados Unidos.", 1),
    ("ru", "Президент Мексики посетил Вашингтон во вторник. В ходе визита он встретился с президентом США.", 1),
])
def test_a_call_and_a_meeting_are_two_consultations(language, text, count):
    article = code_events(text, language)
    found = [e for e in article.events if e.type == "CONSULT" and {e.source.code, e.target.code} == {"MEX", "USA"}]
    assert len(found) == count, [(e.trigger.text, e.status) for e in found]


@pytest.mark.parametrize("language,text", [
    ("en", "Clashes broke out between Peru and Ecuador on Thursday. Ecuadorian soldiers opened fire on Peruvian troops."),
    ("es", "Estallaron enfrentamientos entre Perú y Ecuador el jueves. Soldados ecuatorianos abrieron fuego contra tropas "
           "peruanas."),
    ("ru", "В четверг начались столкновения между Перу и Эквадором. Эквадорские военные открыли огонь по перуанским "
           "войскам."),
])
def test_clashes_keep_the_direction_no_directed_attack_states(language, text):
    """Clashes between two sides are each side's attack on the other; one side's attack told after them does not
    take away the other's."""
    found = directed(code_events(text, language))
    assert {("ASSAULT", "PER", "ECU"), ("ASSAULT", "ECU", "PER")} <= found, found
