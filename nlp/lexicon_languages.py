"""Theme words in the other languages residents text in, merged into nlp.lexicon's THEME_WORDS."""
# How the words were chosen: translated by hand from the labelling guide's theme descriptions and the
# English words in lexicon.py, never picked from nlp/data. WordIndex matches each string as a prefix at
# a word start, so they are distinctive stems (mostly five letters or more; a trailing space asks for the
# whole word), and none of them may change the hints of the English lines in nlp/data (tests check it).
from __future__ import annotations

import unicodedata

POLISH = {
    "antisocial_behaviour": ["hałas", "głośn", "impreza", "imprezy", "krzycz", "krzyki", "pijan", "pijak", "narkoman",
                             "marihuan", "fajerwerk", "petard", "zaczepia", "nękaj", "zastrasz", "chuligan", "menel"],
    "housing": ["wilgoć", "wilgoci", "pleśń", "pleśni", "grzyb", "przeciek", "cieknie", "sufit", "właściciel", "czynsz",
                "mieszkani", "kaloryfer", "ogrzewani", "ciepłej wody", "winda", "windzie", "eksmisj", "bezdomn", "napraw",
                "remont", "lokator", "karaluch", "pluskw"],
    "road_safety": ["samochód", "samochody", "kierowc", "prędkoś", "za szybko", "pędzą", "przejście dla pieszych", "pieszy",
                    "pieszych", "skrzyżowani", "dziura w", "dziury", "chodnik", "wypadek", "wypadk", "potrąc", "zwalniaj"],
    "health": ["lekarz", "przychodni", "szpital", "apteka", "apteki", "aptece", "recepty ", "receptę", "wizyt", "dentyst",
               "zdrowi", "chory ", "chora ", "chorob", "kaszel", "kaszl", "astma", "astmę", "depresj", "samotn", "karetk",
               "pogotowi", "leki ", "leków", "opiekun"],
    "environment": ["śmieci", "śmietnik", "kosz ", "kosze", "odpad", "psie kupy", "odchod", "szczur", "drzew",
                    "zanieczyszcz", "wywóz", "brudn", "zaśmiec", "wysypisk", "gruz "],
    "crime": ["kradzie", "ukradł", "ukradli", "ukradzion", "skradzion", "kradną", "włamani", "włamał", "złodziej",
              "policj", "nożem", "napad", "pobił", "pobili", "diler", "oszust", "oszukan", "przemoc", "rozbój"],
    "community_facilities": ["bibliotek", "świetlic", "plac zabaw", "placu zabaw", "dom kultury", "domu kultury", "klub ",
                             "klubu", "zajęcia", "zajęć", "ławek", "boisk", "siłowni", "dla seniorów", "dla młodzieży"],
    "transport": ["autobus", "przystan", "pociąg", "stacj", "rozkład jazdy", "parkowani", "ścieżk", "rowerow", "taksówk",
                  "bilet", "tramwaj", "kolej"],
    "other": ["podatek", "podatku", "zasiłek", "zasiłk", "rachunek", "rachunk", "poczt", "praca ", "pracy ", "szkoł",
              "urząd", "urzęd", "imigracj", "koszty życia"],
}

ROMANIAN = {
    "antisocial_behaviour": ["zgomot", "gălăgie", "muzică tare", "petrecer", "bețiv", "drogat", "artificii", "petarde",
                             "hărțui", "cerșet", "gașcă"],
    "housing": ["mucegai", "igrasie", "umezeal", "tavan", "proprietarul", "chiria", "chirie", "chiriaș", "locuinț",
                "apartament", "centrala", "căldur", "încălzir", "apă caldă", "calorifer", "evacuar", "adăpost", "liftul",
                "curge apa", "ploșnițe", "gândaci"],
    "road_safety": ["viteză", "vitez", "trecere de pietoni", "trecerea de pietoni", "pieton", "șofer", "mașin",
                    "intersecția", "gropi", "groapă", "trotuar", "lovit de", "semafor"],
    "health": ["medic de familie", "spital", "farmaci", "programar", "rețet", "sănătat", "bolnav", "tuse ", "astm",
               "depresi", "singurătat", "ambulanț", "durer", "asistent"],
    "environment": ["gunoi", "pubel", "tomberon", "mizeri", "murdar", "șobolan", "excremente", "copaci", "poluar",
                    "deșeuri", "moloz", "resturi"],
    "crime": ["furt ", "furat", "hoți", "hoț ", "spargere", "spart ", "poliția", "poliție", "cuțit", "jefuit", "jaf ",
              "înjunghi", "țeapă", "escroc", "violență", "violența", "agresat", "bătut"],
    "community_facilities": ["bibliotec", "loc de joacă", "locul de joacă", "centru comunitar", "comunitar", "tineret",
                             "activități", "sală de sport", "teren de sport", "toalet"],
    "transport": ["autobuz", "stația", "trenul", "trenuri", "tren ", "metrou", "parcare", "biciclet", "bilet", "gara "],
    "other": ["impozit", "alocați", "ajutor social", "facturi", "factura", "loc de muncă", "muncă", "școal", "poșta ",
              "oficiul poștal", "imigrar", "costul vieții"],
}

TURKISH = {
    "antisocial_behaviour": ["gürültü", "yüksek ses", "müzik", "bağır", "sarhoş", "taciz", "rahatsız", "havai fişek",
                             "havlıyor", "serseri", "gençler", "esrar"],
    "housing": ["küf ", "küflü", "küflen", "kuf ", "nem ", "rutubet", "sızıntı", "sızdır", "tavan", "ev sahibi", "kira ",
                "kirası", "kirayı", "kombi", "ısıtma", "kalorifer", "sıcak su", "asansör", "tahliye", "evsiz", "tamir",
                "hamamböce"],
    "road_safety": ["hızlı", "hız ", "yaya ", "yayalar", "yaya geçidi", "sürücü", "araba", "kavşak", "çukur", "kaldırım",
                    "kaza ", "kazası", "trafik", "kasis", "karşıya geç"],
    "health": ["doktor", "hastane", "eczane", "randevu", "reçete", "sağlık", "hastalık", "hastayım", "öksür", "astım",
               "depresyon", "yalnızlık", "ambulans", "aile hekim", "diş hekim", "ilaç", "ağrı"],
    "environment": ["çöp", "kirli", "fareler", "pislik", "ağaç", "kirlilik", "köpek pisliği", "moloz", "temizlik"],
    "crime": ["hırsız", "çalındı", "çaldı", "çalıntı", "soygun", "polis ", "polise", "polisi", "bıçak", "torbacı",
              "dolandırıc", "kavga", "saldırı", "şiddet", "kapkaç"],
    "community_facilities": ["kütüphane", "oyun alanı", "oyun park", "çocuk park", "gençlik merkez", "toplum merkez",
                             "etkinlik", "kurs ", "kurslar", "spor salonu", "halı saha", "tuvalet"],
    "transport": ["otobüs", "durak", "tren ", "treni", "istasyon", "otopark", "park yeri", "bisiklet", "taksi", "bilet",
                  "metrobüs", "dolmuş"],
    "other": ["vergi ", "vergisi", "fatura", "okul", "postane", "göçmen", "oturum izni", "geçim"],
}

PORTUGUESE = {
    "antisocial_behaviour": ["barulh", "música alta", "festa", "gritar", "gritos", "gritaria", "bêbado", "drogado",
                             "maconha", "fogos de artifício", "foguete", "assédio", "arruaç"],
    "housing": ["bolor", "humidade", "umidade", "infiltraç", "goteira", "vazament", "teto ", "tecto", "senhorio", "aluguel",
                "aluguer", "renda ", "despejo", "aquecimento", "caldeira", "água quente", "elevador", "sem abrigo",
                "sem-abrigo", "sem teto", "reparaç", "apartamento", "baratas", "percevejo"],
    "road_safety": ["velocidade", "passadeira", "faixa de pedestres", "pedestre", "peões", "motorista", "carros", "carro ",
                    "cruzamento", "buraco", "calçada", "atropel", "acidente", "semáforo", "passeio"],
    "health": ["médico", "consulta ", "farmácia", "receita", "saúde", "doente", "tosse ", "asma ", "ambulânc", "solidão",
               "depressão", "dentista", "dor ", "doença", "enfermeir", "centro de saúde", "remédio"],
    "environment": ["lixo", "lixeira", "contentor", "entulho", "sujeira", "sujidade", "poluiç", "árvore", "ratazana",
                    "dejetos", "resíduo", "limpeza"],
    "crime": ["roubo", "roubad", "roubaram", "furto", "ladrão", "ladrões", "assalt", "polícia", "faca ", "facada",
              "arromba", "traficant", "golpe", "violênc", "agress", "esfaque"],
    "community_facilities": ["biblioteca", "parque infantil", "centro comunitár", "comunitári", "atividades", "actividades",
                             "clube", "juventude", "centro de dia", "ginásio", "piscina"],
    "transport": ["ônibus", "autocarro", "paragem", "ponto de ônibus", "comboio", "trem ", "estação", "estacionament",
                  "ciclovia", "bilhete"],
    "other": ["imposto", "benefício", "subsídio", "conta de luz", "correio", "trabalho", "emprego", "escola", "imigraç",
              "custo de vida", "banco "],
}

SPANISH = {
    "antisocial_behaviour": ["ruido", "fiestas", "una fiesta", "de fiesta", "la fiesta", "gritos", "gritan", "borracho", "drogado", "porros", "petardos",
                             "fuegos artificiales", "acoso", "acosan", "pandilla", "ladrid", "vandalismo", "botellón"],
    "housing": ["humedad", "moho", "goter", "fuga de agua", "techo", "casero", "propietario", "alquiler", "desahucio",
                "desalojo", "calefacc", "caldera", "agua caliente", "ascensor", "sin hogar", "reparaci", "piso ",
                "cucarachas", "chinches", "vivienda"],
    "road_safety": ["velocidad", "paso de peatones", "peatón", "peatones", "coche", "conductores", "cruce ", "baches",
                    "bache ", "acera", "atropell", "accidente", "semáforo", "muy rápido"],
    "health": ["médico", "cita ", "citas ", "farmacia", "receta", "salud", "enferm", "tos ", "asma ", "ambulancia",
               "soledad", "depresión", "dentista", "dolor", "centro de salud", "medicinas", "pastillas"],
    "environment": ["basura", "contenedor", "caca de perro", "excrementos", "ratas", "sucio", "suciedad", "contaminaci",
                    "árbol", "árboles", "escombros", "residuos", "limpieza", "plagas"],
    "crime": ["robaron", "robado", "robo ", "roban", "ladrón", "ladrones", "policía", "cuchillo", "navaja", "asalto",
              "atraco", "estafa", "hurto", "violencia", "agresión", "apuñal", "traficante"],
    "community_facilities": ["biblioteca", "parque infantil", "centro comunitario", "centro juvenil", "juvenil",
                             "actividades", "polideportivo", "centro de mayores", "columpios"],
    "transport": ["autobús", "parada", "tren ", "estación", "estacionamiento", "aparcamiento", "aparcar", "carril bici",
                  "billete"],
    "other": ["impuesto", "subsidio", "ayuda social", "factura", "correos", "trabajo", "empleo", "escuela", "colegio",
              "inmigraci", "papeles", "coste de vida", "costo de vida"],
}

SOMALI = {
    "antisocial_behaviour": ["buuq", "qaylo", "muusig", "sakhraan", "khamri", "qaad ", "daroogo", "dhalinyaro"],
    "housing": ["qoyaan", "caaryaan", "caariyaan", "kirada", "kiro ", "milkiilaha", "mulkiilaha", "kulayl", "kuleyl",
                "kululeeye", "biyo kulul", "saqafka", "dayactir", "wiishka", "hoy la'aan", "hoylaawe"],
    "road_safety": ["xawaare", "xawli", "gaari", "darawal", "waddada", "wadada", "shil ", "shilka", "isgoys", "laamiga"],
    "health": ["dhakhtar", "dhaqtar", "isbitaal", "farmashi", "ballanta", "caafimaad", "jiran", "jirro", "qufac", "neefta",
               "xiiq", "walwal", "welwel", "murug", "kalinimo", "kelinimo", "dawo", "daawo", "ambalaas"],
    "environment": ["qashin", "wasakh", "jiirka", "jiir ", "saxar", "geedo", "geedaha", "dhirta", "nadaafad"],
    "crime": ["xatooy", "xaday", "tuug", "boolis", "mindi ", "mindida", "jabsad", "jabsi", "weerar", "khiyaan", "rabshad"],
    "community_facilities": ["maktabad", "xarunta bulshada", "xarun bulsho", "dhalinyarada", "goob ciyaar", "ciyaaraha",
                             "fasal", "koorso", "waayeelka"],
    "transport": ["baska", "basaska", "bas ", "tareen", "saldhig", "baarkin", "baakin", "taksi", "gaadiidka dadweyn",
                  "tigidh"],
    "other": ["canshuur", "boosta", "shaqo", "iskuul", "lacag", "socdaal", "sharciga", "kaalmo"],
}

URDU = {  # in Urdu's own (Arabic) script
    "antisocial_behaviour": ["شور ", "شور شرابہ", "ہنگامہ", "شرابی", "نشہ", "پٹاخ", "آتش بازی", "گالی", "تنگ کر", "اوباش"],
    "housing": ["نمی", "سیلن", "پھپھوند", "چھت ", "ٹپک", "مالک مکان", "کرایہ", "کرائے", "مکان", "فلیٹ", "ہیٹنگ", "ہیٹر",
                "بوائلر", "گرم پانی", "مرمت", "بے گھر", "بےگھر", "لفٹ", "کاکروچ", "کھٹمل"],
    "road_safety": ["تیز رفتار", "رفتار", "گاڑی", "گاڑیاں", "ڈرائیور", "سڑک", "حادثہ", "حادثے", "پیدل", "کراسنگ", "فٹ پاتھ"],
    "health": ["ڈاکٹر", "ہسپتال", "اسپتال", "دوائی", "دوا ", "دوائیں", "فارمیسی", "اپائنٹمنٹ", "بیمار", "کھانسی", "دمہ",
               "صحت", "ذہنی", "تنہائی", "ایمبولینس", "جی پی", "درد"],
    "environment": ["کچرا", "کچرے", "کوڑا", "کوڑے", "گندگی", "گند ", "چوہے", "چوہوں", "درخت", "آلودگی", "صفائی"],
    "crime": ["چوری", "چور ", "چوروں", "ڈاکہ", "ڈاکو", "پولیس", "چاقو", "چھری", "منشیات", "فراڈ", "دھوکہ", "تشدد", "حملہ",
              "چھین"],
    "community_facilities": ["لائبریری", "کمیونٹی سینٹر", "کمیونٹی ہال", "کھیل کا میدان", "نوجوانوں", "بزرگوں", "سرگرمی",
                             "کلب"],
    "transport": ["بس ", "بسیں", "بس اسٹاپ", "ٹرین", "اسٹیشن", "سٹیشن", "پارکنگ", "ٹیکسی", "ٹکٹ", "سائیکل"],
    "other": ["ٹیکس", "بینک", "انٹرنیٹ", "ڈاک خانہ", "نوکری", "ملازمت", "اسکول", "سکول", "بجلی کا بل", "امیگریشن", "وکیل"],
}

URDU_ROMAN = {  # residents often write Urdu in Latin letters, with English words for buses, trains and stations
    "antisocial_behaviour": ["shor ", "shor sharaba", "hungama", "hangama", "sharabi", "nashe ", "nasha ", "gaali",
                             "galiyan", "tang karte", "awara"],
    "housing": ["seelan", "silan ", "nami ", "phaphoond", "phaphund", "chhat ", "tapak", "malik makan", "makan malik",
                "makaan", "kiraya", "kiraye", "marammat", "murammat", "be ghar", "beghar", "garam pani"],
    "road_safety": ["tez raftar", "raftar", "gaari", "gaariyan", "gaadi", "sarak", "sadak", "hadsa", "haadsa"],
    "health": ["haspatal", "aspatal", "dawai", "dawa ", "bimar", "beemar", "bemar", "khansi", "khaansi", "dama ",
               "sehat", "tanhai", "zehni", "dard "],
    "environment": ["kachra", "kachre", "kooda", "gandagi", "gandgi", "chuhe", "choohe", "darakht", "safai"],
    "crime": ["chori ", "chor ", "choron", "daaka", "daku ", "chaaku", "chaku ", "chhuri", "dhoka", "dhokha", "chheen"],
    "community_facilities": ["khel ka maidan", "maidan", "naujawan", "nojawan", "buzurg"],
    "other": ["naukri", "nokri", "paise", "paisay", "bijli ka bill"],
}

BENGALI = {  # in Bengali script
    "antisocial_behaviour": ["আওয়াজ", "হৈচৈ", "হইচই", "চিৎকার", "চেঁচামেচি", "গোলমাল", "মাতাল", "নেশা", "উৎপাত", "জোরে গান",
                             "উত্যক্ত", "বখাটে"],
    "housing": ["স্যাঁতস্যাঁতে", "সেঁতসেঁতে", "ছত্রাক", "ড্যাম্প", "মোল্ড", "ফাঙ্গাস", "চুইয়ে", "ছাদ ", "ছাদে", "বাড়িওয়ালা",
                "বাড়িওয়ালী", "বাড়ি ভাড়া", "ভাড়াটে", "ফ্ল্যাট", "বাসা", "হিটিং", "বয়লার", "গরম পানি", "মেরামত", "গৃহহীন",
                "লিফট", "তেলাপোকা"],
    "road_safety": ["দ্রুত গতি", "গতিতে", "গাড়ি", "ড্রাইভার", "রাস্তা", "দুর্ঘটনা", "পথচারী", "ক্রসিং", "ফুটপাত", "জেব্রা"],
    "health": ["ডাক্তার", "হাসপাতাল", "ঔষধ", "ওষুধ", "ফার্মেসি", "অ্যাপয়েন্টমেন্ট", "অসুস্থ", "অসুখ", "কাশি", "হাঁপানি",
               "স্বাস্থ্য", "মানসিক", "একাকী", "নিঃসঙ্গ", "অ্যাম্বুলেন্স", "এম্বুলেন্স", "জিপি", "ব্যথা"],
    "environment": ["ময়লা", "আবর্জনা", "ইঁদুর", "নোংরা", "গাছ", "দূষণ", "বিন ", "কুকুরের মল"],
    "crime": ["চুরি", "চোর", "ডাকাতি", "ছিনতাই", "পুলিশ", "ছুরি", "মাদক", "প্রতারণা", "মারামারি", "হামলা", "সহিংস"],
    "community_facilities": ["লাইব্রেরি", "কমিউনিটি সেন্টার", "কমিউনিটি হল", "খেলার মাঠ", "খেলার জায়গা", "ক্লাব", "তরুণদের",
                             "বয়স্কদের"],
    "transport": ["বাস ", "বাসে", "বাসের", "ট্রেন", "স্টেশন", "পার্কিং", "ট্যাক্সি", "টিকিট", "সাইকেল"],
    "other": ["ট্যাক্স", "ব্যাংক", "ইন্টারনেট", "চাকরি", "স্কুল", "বিল ", "বিদ্যুৎ বিল", "ইমিগ্রেশন", "উকিল"],
}

BANGLISH = {  # Bengali in Latin letters
    "antisocial_behaviour": ["chitkar", "hoichoi", "hoi choi", "golmal", "matal", "nesha", "utpat", "jore gan", "bokhate"],
    "housing": ["satsate", "shatshate", "shatshete", "sathsathe", "chhatrak", "bariwala", "bariwali", "bari bhara",
                "bhara ", "meramot", "meramat", "deyal", "dewal", "pani porche", "telapoka"],
    "road_safety": ["gari ", "garir", "gaari", "rastay", "durghotona", "durghatana", "druto"],
    "health": ["daktar", "dactar", "hashpatal", "haspatal", "hospatal", "oshudh", "oshud", "osudh", "oshustho",
               "osustho", "oshukh", "osukh", "kashi ", "hapani", "shastho", "sastho", "manoshik", "manosik", "ekaki",
               "betha"],
    "environment": ["moyla", "moila", "aborjona", "indur", "endur", "nongra", "gacher", "dushon"],
    "crime": ["churi ", "churi hoy", "chor ", "dakati", "chintai", "chhintai", "pulish", "chhuri", "marpit", "maramari",
              "hamla"],
    "community_facilities": ["khelar math", "khelar maath", "khelar jayga", "boyoshko"],
    "other": ["chakri", "cakri", "taka ", "bidyut bill"],
}


def _with_article(words: list[str]) -> list[str]:
    """Arabic writes "the" joined to the word (العفن, "the mould"): each word with and without it."""
    return words + ["ال" + word for word in words if not word.startswith("ال")]


ARABIC = {theme: _with_article(words) for theme, words in {
    "antisocial_behaviour": ["ضجيج", "إزعاج", "صراخ", "موسيقى عالية", "سكران", "سكارى", "مخدرات", "حشيش", "مضايقة",
                             "تحرش", "ألعاب نارية", "مفرقعات", "عصابة", "تخريب"],
    "housing": ["رطوبة", "عفن", "تسريب", "تسرب المياه", "سقف", "المالك", "صاحب البيت", "صاحب الشقة", "إيجار", "شقة",
                "تدفئة", "غلاية", "سخان", "ماء ساخن", "مصعد", "إصلاح", "تصليح", "إخلاء", "مشرد", "بلا مأوى", "سكن",
                "صراصير", "بق الفراش"],
    "road_safety": ["سرعة", "مسرع", "سيارة", "سيارات", "السائق", "سائق", "حادث", "تقاطع", "ممر المشاة", "المشاة", "حفرة",
                    "حفر ", "رصيف", "طريق", "مطب", "إشارة المرور"],
    "health": ["طبيب", "دكتور", "مستشفى", "صيدلية", "موعد", "وصفة طبية", "مريض", "مريضة", "سعال", "كحة", "ربو", "صحة",
               "صحية", "نفسية", "وحيد", "اكتئاب", "إسعاف", "دواء", "أدوية", "عيادة"],
    "environment": ["قمامة", "زبالة", "نفايات", "حاوية", "حاويات", "فئران", "جرذان", "وسخ", "أوساخ", "قذارة", "أشجار",
                    "شجرة", "تلوث", "براز", "مخلفات", "نظافة"],
    "crime": ["سرقة", "سرقوا", "سرق ", "مسروق", "لصوص", "لص ", "شرطة", "بوليس", "سكين", "سطو ", "اقتحام", "احتيال",
              "عنف", "اعتداء", "تاجر مخدرات", "طعن"],
    "community_facilities": ["مكتبة", "مركز مجتمعي", "مجتمعي", "ملعب", "نادي", "أنشطة", "نشاطات", "للشباب", "لكبار السن"],
    "transport": ["حافلة", "باص", "موقف", "قطار", "محطة", "مترو", "مواقف السيارات", "تاكسي", "تذكرة", "دراجة", "دراجات"],
    "other": ["ضريبة", "إعانة", "فاتورة", "فواتير", "إنترنت", "انترنت", "بريد", "وظيفة", "مدرسة", "هجرة", "إقامة", "محامي",
              "بنك"],
}.items()}

LANGUAGES = {"pl": POLISH, "ro": ROMANIAN, "tr": TURKISH, "pt": PORTUGUESE, "es": SPANISH, "so": SOMALI, "ur": URDU,
             "ur-latn": URDU_ROMAN, "bn": BENGALI, "bn-latn": BANGLISH, "ar": ARABIC}

# How phones also type the same word: without accents (no Polish or Turkish keyboard), with Romanian's
# older cedilla letters, with Bengali's one-code-point nukta letters, Arabic without hamza, Urdu on an
# Arabic keyboard.
_NO_ACCENT = str.maketrans({"ł": "l", "ı": "i"})
_CEDILLA = str.maketrans("șț", "şţ")
_NUKTA = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}
_NO_HAMZA = str.maketrans("أإآ", "ااا")
_ARABIC_KEYBOARD = str.maketrans("یکہ", "يكه")


def spellings(word: str) -> list[str]:
    """A word as written and as phones without the language's keyboard type it."""
    word = unicodedata.normalize("NFC", word)
    found = {word, word.translate(_CEDILLA), word.translate(_NO_HAMZA), word.translate(_ARABIC_KEYBOARD)}
    one_point = word
    for pair, single in _NUKTA.items():
        one_point = one_point.replace(pair, single)
    found.add(one_point)
    plain = "".join(c for c in unicodedata.normalize("NFKD", word.translate(_NO_ACCENT)) if not unicodedata.combining(c))
    if plain.isascii() and len(plain.strip()) >= 5:  # a shorter plain form ("cop" for "çöp") is an English word too often
        found.add(plain)
    return sorted(found)


def _merge() -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for by_theme in LANGUAGES.values():
        for theme, theme_words in by_theme.items():
            bucket = words.setdefault(theme, [])
            bucket += [s for word in theme_words for s in spellings(word) if s not in bucket]
    return words


# theme -> every language's words and their spellings (lexicon.py adds them to the English ones).
WORDS: dict[str, list[str]] = _merge()
