"""Urgency cues in the other languages residents text in, merged into nlp.urgency's CUES and LOOK_ALIKES."""
# Written by hand from urgency.py's English kinds of risk and the guide's urgent cases, never from nlp/data.
# Each pattern starts at a word (\b then plain letters) so the fast path's one scan can name it. Narrow on
# purpose: a cry for help ("pomocy", "ajutor", "yardım") is also how people ask about a broken lift, so it
# counts only with "now"/"quick" beside it or as an imperative to call the police or an ambulance; "not
# moving" counts only after a fall or of a person ("the lift is not moving" is no emergency). Bengali has
# no \b after a word: its vowel signs are not word characters to Python's re.
from __future__ import annotations

import unicodedata

CUES_BY_LANGUAGE: dict[str, dict[str, list[str]]] = {
    "pl": {
        "self_harm": [r"\bsamobój", r"\bchcę (umrzeć|się zabić|ze sobą skończyć|skończyć ze sobą)", r"\bzabiję się\b",
                      r"\bnie chcę (już )?(dłużej )?żyć", r"\b(tnę|okaleczam) się\b", r"\bnie (widzę|ma) (już )?sensu (żyć|życia)",
                      r"\b(łyknąłem|łyknęłam|połknąłem|połknęłam|wziąłem|wzięłam|zażyłem|zażyłam) (wszystkie|całe opakowanie)",
                      r"\blepiej (by )?(im |wam |wszystkim )?(było )?beze mnie"],
        "domestic_abuse": [r"\b(mąż|partner|chłopak|konkubent|narzeczony|żona|partnerka)\b.{0,25}\b(bije|pobił|pobiła|uderzył|"
                           r"uderzyła|dusił|kopnął|grozi mi|szarpie)", r"\b(bije|pobił|uderzył|dusił|kopnął|skopał|katuje) mnie\b",
                           r"\bprzemoc (domowa|domowej|w rodzinie)", r"\bboję się (go|jego|męża|partnera|wrócić do domu|wracać do domu)\b",
                           r"\b(sąsiad|sąsiadka|sąsiedzi|za ścianą)\b.{0,60}\bbije (żonę|ją|go|dzieci|dziecko)"],
        "child_at_risk": [r"\b(dziecko|dzieci|maluch|niemowlę|córka|syn|chłopiec|dziewczynka)\b.{0,40}\b(sam|sama|same|samo|sami) "
                          r"w (domu|mieszkaniu)\b.{0,40}\b(noc|godzin|dni|od rana)",
                          r"\bzostawi\w* (dzieci|dziecko|niemowlę|malucha) (same|samo|samego)",
                          r"\b(bije|bił|pobił|katuje|uderza|szarpie) (swoje |to |tego )?(dziecko|dzieci|syna|córkę|niemowlę|malucha)",
                          r"\b(dziecko|dzieci)\b.{0,40}\bnie (jadło|jadły|jedzą)"],
        "danger_now": [r"\bpotrąc(ił|iła|ili|iło|ony|ona|eni)\b", r"\b(został|została|zostało) potrącon",
                       r"\b(z nożem|z maczetą|z siekierą|z bronią|z pistoletem|ma nóż|mają noże|ma broń|mają broń)",
                       r"\b(dźgnął|dźgnęli|dźgnięty|dźgnięta|zadźgał|pchnął nożem|pchnięty nożem)",
                       r"\b(ktoś|obcy|złodziej|złodzieje|włamywacz)\b.{0,20}\b(włamuje|włamują|jest w (moim|naszym) (domu|mieszkaniu))",
                       r"\b(biją|napadli|napadają|atakują) (go|ją|kogoś|chłopaka|dziewczynę|człowieka|mężczyznę|kobietę|mnie|nas)\b",
                       r"\bratunku\b", r"\b(pomocy|pomóżcie|ratujcie)\b.{0,20}\b(szybko|natychmiast)",
                       r"\b(wezwijcie|wezwij|dzwońcie|zadzwońcie|zadzwoń|dzwoń) (po |na )?(policj|straż|112|999)",
                       r"\bpolicj\w*\b.{0,15}\b(szybko|natychmiast)", r"\bnagły wypadek",
                       r"\b(woła|wołała|wołał|krzyczy|krzyczała|krzyczał) o pomoc", r"\bgrozi(ł|ła)? (mi |nam )?śmiercią"],
        "fire_gas": [r"\bpożar\b", r"\b(pali się|palą się|płonie|płoną)\b.{0,30}\b(mieszkani|dom|kuchni|klatk|budyn|blok|samoch|piwnic)",
                     r"\b(mieszkanie|dom|kuchnia|klatka|budynek|blok|piwnica)\b.{0,20}\b(się pali|płonie)", r"\bw płomieniach\b",
                     r"\b(czuć|czuję|śmierdzi|smród|zapach|wyciek|ulatnia się)\b.{0,15}\bgaz(u|em)?\b",
                     r"\b(pełno dymu|dym wszędzie|dym z mieszkania|dym wydobywa się)",
                     r"\b(tlenek węgla|zatrucie czadem|czujnik czadu (piszczy|wyje))"],
        "medical": [r"\bnie oddycha", r"\bnie (może|mogę) oddychać", r"\bnieprzytomn", r"\bstracił(a)? przytomność", r"\bzemdlał",
                    r"\b(leży|upadł|upadła|przewrócił się|przewróciła się)\b.{0,40}\bnie (rusza się|oddycha)",
                    r"\b(dziecko|syn|córka|mąż|żona|mama|tata|babcia|dziadek|sąsiad|sąsiadka|człowiek|mężczyzna|kobieta|chłopiec|"
                    r"dziewczynka)\b.{0,30}\bnie rusza się", r"\bzawał( serca)?\b", r"\budar\b", r"\b(atak padaczki|drgawki)",
                    r"\bkrwawi\b.{0,20}\b(mocno|bardzo|dużo|z głowy)", r"\bból w klatce", r"\bdusi się\b", r"\bprzedawkował",
                    r"\b(wezwijcie|wezwij|dzwońcie|zadzwońcie|zadzwoń|dzwoń) (po |na )?(karetk|pogotowi)",
                    r"\b(potrzebna|potrzebuję|potrzebujemy) (karetk|pogotowi)"],
    },
    "ro": {
        "self_harm": [r"\bsinucid", r"\bvreau să mor\b", r"\b(să )?mă omor\b", r"\bnu (mai )?vreau să (mai )?trăiesc",
                      r"\bîmi (iau|voi lua) viața", r"\bam (luat|înghițit) (toate|toată cutia)", r"\bmai bine (ar fi )?fără mine"],
        "domestic_abuse": [r"\b(soțul|partenerul|iubitul|fostul|concubinul|soția)\b.{0,25}\b(mă bate|m-a bătut|m-a lovit|mă lovește|"
                           r"mă amenință|m-a amenințat)", r"\b(mă bate|m-a bătut|mă lovește|mă sugrumă)\b",
                           r"\bviolență (domestică|în familie)", r"\bmi-e (frică|teamă) de (el|soțul|partenerul|fostul)\b"],
        "child_at_risk": [r"\b(copilul|copiii|copii|bebelușul|fetița|băiețelul)\b.{0,40}\b(singur|singuri|singură|singure) "
                          r"(acasă|în casă)\b.{0,40}\b(noapte|noaptea|ore|zile|de ieri)",
                          r"\b(își bate|bate|lovește|lovesc) (copilul|copiii|bebelușul|fetița|băiatul)"],
        "danger_now": [r"\b(lovit|lovită|călcat|călcată|accidentat|accidentată) de (o |un )?(mașină|autobuz|camion|tir)",
                       r"\b(mașina|autobuzul|camionul|o mașină|un autobuz) a (lovit|călcat|accidentat)",
                       r"\b(are|cu) (un )?(cuțit|pistol|macetă|satâr|topor)\b", r"\b(înjunghiat|înjunghiată|a înjunghiat)",
                       r"\bcineva (intră|a intrat|încearcă să intre) (în|in) (casă|apartament|casa mea|apartamentul meu)",
                       r"\b(ajutor|ajutați[- ]?mă|salvați[- ]?mă)\b.{0,20}\b(repede|acum|imediat)", r"\bajutoo+r",
                       r"\b(sunați|chemați) (la )?(poliția|112|999|pompierii)", r"\bpoliția\b.{0,15}\b(repede|imediat)"],
        "fire_gas": [r"(?<!de )\bincendiu\b", r"\b(a luat foc|ia foc|arde (casa|apartamentul|blocul|bucătăria|mașina))",
                     r"\bîn flăcări\b", r"\b(miroase|miros|scurgere|pierdere) (puternic )?(a |de )?gaz",
                     r"\b(plin de fum|mult fum|fum gros|fum negru|iese fum)", r"\bmonoxid de carbon"],
        "medical": [r"\bnu (mai )?respiră", r"\bnu (mai )?poate (să )?respir", r"\b(inconștient|leșinat|a leșinat|și-a pierdut cunoștința)",
                    r"\b(zace|a căzut|căzut|căzută)\b.{0,40}\bnu se (mai )?mișcă", r"\binfarct", r"\baccident vascular",
                    r"\bcriză (de )?epilep", r"\bconvuls", r"\bsângerează (tare|mult|abundent|din cap)",
                    r"\b(sunați|chemați) (la )?(ambulanța|salvarea|o ambulanță|smurd)", r"\bdurere (puternică )?în piept"],
    },
    "tr": {
        "self_harm": [r"\bintihar", r"\bölmek istiyorum", r"\bkendimi (öldür|asaca|asmak|kesiyorum|kestim)",
                      r"\byaşamak istemiyorum", r"\b(bütün|tüm) (ilaçları|hapları) (içtim|yuttum|aldım)",
                      r"\bkendime zarar (ver|veriyorum)", r"\bcanıma kıy", r"\bbensiz daha iyi"],
        "domestic_abuse": [r"\b(kocam|eşim|sevgilim|eski eşim|partnerim|nişanlım)\b.{0,25}\b(beni )?(dövüyor|dövdü|vurdu|vuruyor|"
                           r"tehdit ediyor|öldürecek)", r"\bbeni (dövüyor|dövdü|öldürecek|öldürmekle tehdit)",
                           r"\b(aile içi|ev içi) şiddet", r"\b(ondan|kocamdan|eşimden) korkuyorum",
                           r"\b(komşu|yan daire|üst kat|alt kat)\w*\b.{0,60}\b(karısını dövüyor|çocuklarını dövüyor|imdat diye)"],
        "child_at_risk": [r"\b(çocuk|çocuklar|bebek)\w*\b.{0,40}\b(evde yalnız|yalnız başına|tek başına)\b.{0,40}\b(gece|saat|gün)",
                          r"\b(çocuğunu|çocuklarını|bebeğini) (dövüyor|dövüyorlar|dövdü)",
                          r"\b(çocuk|çocuklar)\w*\b.{0,40}\b(günlerdir aç|aç kaldı|yemek yemedi)"],
        "danger_now": [r"\b(araba|araç|otobüs|kamyon|motor)\w*\b.{0,20}\b(çarptı|ezdi|çarpmış)", r"\b(arabanın|aracın|otobüsün) çarptığı",
                       r"\b(bıçak|bıçakla|bıçaklı|silah|silahla|silahlı|satır|satırla)\b.{0,30}\b(saldır|tehdit|yaraladı|kavga|elinde)",
                       r"\bbıçaklandı", r"\bi\u0307?mdat", r"\byardım edin\s*!", r"\b(hemen|çabuk) yardım\b", r"\byardım edin,? (hemen|çabuk)",
                       r"\b(polis|polisi|itfaiye|itfaiyeyi)\b.{0,10}\b(çağırın|arayın|çağır|gönderin)\b", r"\b(hemen|çabuk) (polis|itfaiye)",
                       r"\b(evime|eve|daireye|içeri) (biri|birisi|hırsız|hırsızlar) (giriyor|girmeye çalışıyor)"],
        "fire_gas": [r"\byangın (var|çıktı|çıkmış|çıkıyor)", r"\b(ev|evimiz|daire|bina|mutfak|araba|apartman)\b.{0,3}\b(yanıyor|alev aldı|tutuştu)",
                     r"\balev(ler)? (içinde|aldı|yükseliyor)", r"\bgaz (kokusu|kaçağı|kaçıyor|kokuyor)",
                     r"\b(her yer duman|duman doldu|dumanla doldu|yoğun duman|kara duman|duman çıkıyor)", r"\bkarbon ?monoksit"],
        "medical": [r"\bnefes (alamıyor|almıyor)", r"\b(bilinci (kapalı|yok|gitti)|baygın)", r"\bbayıldı\b",
                    r"\b(yerde yatıyor|düştü|yığıldı)\b.{0,40}\b(kıpırdamıyor|hareket etmiyor|nefes almıyor)",
                    r"\b(annem|babam|çocuk|bebek|eşim|kocam|karım|adam|kadın|dedem|ninem|oğlum|kızım)\w*\b.{0,30}\b(kıpırdamıyor|uyanmıyor)",
                    r"\bkalp krizi", r"\bfelç geçiriyor", r"\b(sara|epilepsi) nöbeti|\bnöbet geçiriyor", r"\bkanaması durmuyor",
                    r"\b(çok|fazla) kan (kaybediyor|akıyor)", r"\bambulans\b.{0,10}\b(çağırın|çağır|lazım|gönderin|gerek)\b", r"\bgöğüs ağrısı"],
    },
    "pt": {
        "self_harm": [r"\bquero morrer", r"\b(quero|vou|penso em) (me matar|matar-me)", r"\bnão quero (mais )?viver",
                      r"\btirar a (minha )?(própria )?vida", r"\b(tomei|engoli) (todos os|todas as|a caixa de) (comprimidos|remédios)",
                      r"\b(me cortar|me corto|automutila)", r"\bmelhor sem mim"],
        "domestic_abuse": [r"\b(marido|companheiro|namorado|ex)\b.{0,25}\b(me bate|me bateu|me agrediu|me ameaça|me ameaçou|"
                           r"me estrangulou|me espancou)", r"\bme (bate|bateu|agrediu|espancou|espanca)\b", r"\bviolência doméstica",
                           r"\btenho medo (dele|do meu marido|do meu companheiro|de voltar para casa)"],
        "child_at_risk": [r"\b(criança|crianças|bebê|bebé|filho|filha|filhos)\b.{0,40}\b(sozinho|sozinha|sozinhos|sozinhas) "
                          r"(em casa|à noite|de noite)", r"\b(bate|batem|espanca|espancam) (na|nas|no|nos) (criança|crianças|filho|filha|bebê)"],
        "danger_now": [r"\b(atropelado|atropelada|atropelou|atropelaram)\b", r"\b(com|tem) (uma |um )?(faca|arma|pistola|facão)\b",
                       r"\b(esfaqueado|esfaqueada|esfaquearam)", r"\bsocorro\b", r"\bajuda\b.{0,15}\b(agora|rápido|depressa)",
                       r"\b(chamem|liguem) (a |para a |para o )?(polícia|bombeiros|112|999)",
                       r"\balguém (está )?(a )?(entrar|arrombar|invadir|entrando|arrombando|invadindo)"],
        "fire_gas": [r"(?<!de )\bincêndio\b", r"\b(pegou|pegando|está pegando) fogo", r"\bem chamas\b", r"\bestá a arder\b",
                     r"\b(cheiro|cheira|vazamento|fuga) (forte )?(a |de )?gás", r"\b(cheio de fumaça|cheio de fumo|muita fumaça|muito fumo|sai fumo|saindo fumaça)"],
        "medical": [r"\bnão (está )?(a )?respira", r"\binconscient", r"\b(desmaiou|desmaiado|desmaiada)",
                    r"\b(caiu|está caído|está caída|está no chão)\b.{0,40}\bnão se mexe", r"\b(ataque cardíaco|enfarte|infarto|derrame|avc)\b",
                    r"\b(sangrando|a sangrar) muito", r"\b(chamem|liguem) (uma |a |para o |para a )?(ambulância|inem|samu)", r"\bdor no peito"],
    },
    "es": {
        "self_harm": [r"\bquiero morir", r"\b(quiero|voy a|pienso en) matarme", r"\bme quiero matar", r"\bquitarme la vida",
                      r"\bno quiero (seguir )?(vivir|viviendo)", r"\b(me tomé|tomé|me he tomado|me tragué|tragué) (todas las|toda la caja de) pastillas",
                      r"\b(autolesi|me corto|cortarme)", r"\bmejor sin mí"],
        "domestic_abuse": [r"\b(marido|esposo|pareja|novio|ex)\b.{0,25}\b(me pega|me pegó|me golpea|me golpeó|me amenaza|me amenazó|"
                           r"me maltrata)", r"\bme (pega|pegó|golpea|golpeó|maltrata)\b", r"\bviolencia (doméstica|de género|machista)",
                           r"\btengo miedo (de él|de mi marido|de mi pareja|de mi esposo|de volver a casa)"],
        "child_at_risk": [r"\b(niño|niña|niños|niñas|bebé|hijo|hija|hijos)\b.{0,40}\b(solo|sola|solos|solas) (en casa|toda la noche|por la noche)",
                          r"\b(pega|pegan|golpea|golpean|maltrata) (al|a la|a los|a las|a su|a sus) (niño|niña|niños|niñas|bebé|hijo|hija|hijos)"],
        "danger_now": [r"\b(atropelló|atropellaron|atropellado|atropellada)", r"\b(con|tiene|lleva) un (cuchillo|arma|machete|navaja)\b",
                       r"\b(apuñalado|apuñalada|apuñalaron)", r"\bauxilio\b", r"\bayuda\b.{0,15}\b(ahora mismo|rápido|deprisa|ya mismo)",
                       r"\b(llamen|llamad) (a )?(la )?(policía|bomberos|al 112|al 999)",
                       r"\balguien (está )?(entrando|intentando entrar) en (mi|la|nuestra) (casa|piso)",
                       r"\b(emergencia|emergência)\b.{0,40}\b(ahora|agora|ayuda|ajuda|ambulan|polic)"],
        "fire_gas": [r"(?<!de )\bincendio\b", r"\b(está|están) ardiendo", r"\bse está quemando", r"\ben llamas\b",
                     r"\b(olor|huele|fuga|escape) (fuerte )?(a |de )?gas\b", r"\b(lleno de humo|mucho humo|humo negro|humo espeso|sale humo)"],
        "medical": [r"\bno respira", r"\bno puede respirar", r"\b(se desmayó|desmayado|desmayada)",
                    r"\b(se cayó|se ha caído|está en el suelo|está tirado|está tirada)\b.{0,40}\bno se mueve", r"\b(ataque al corazón|derrame cerebral|ictus)\b",
                    r"\b(sangra|sangrando) mucho", r"\b(llamen|llamad) (a )?una ambulancia", r"\bdolor en el pecho"],
    },
    "so": {
        "self_harm": [r"\bis ?dil(o|aa|ay|id)\b", r"\binaan dhinto\b", r"\bnaftayda (ka )?qaad", r"\bis gooy(o|ay|aa)\b",
                      r"\bnolosha (waan )?ka (quustay|daalay)"],
        "domestic_abuse": [r"\b(ninkayga|ninkeyga|saygayga|seygayga|xaaskayga)\b.{0,30}\b(i garaac|i dilay|i handad|i hanjab|i dhaawac)",
                           r"\bi (garaacay|garaacaa|garaacayaa|garaacaya)\b", r"\b(rabshad|tacadi|xadgudub) (qoys|guri|xaas)",
                           r"\bwaan ka baqaa (isaga|ninkayga)"],
        "child_at_risk": [r"\b(ilmaha|carruurta|caruurta|cunug|cunuga|ubadka)\b.{0,40}\b(keligood|keligiis|keligeed|kaligood|kaligiis)\b"
                          r".{0,40}\b(guriga|habeen|saacado|maalmo)", r"\b(garaacaya|garaacay) (ilmaha|carruurta|caruurta|cunuga)"],
        "danger_now": [r"\b(gaari|baabuur)\b.{0,20}\b(jiiday|dumiyay|ku dhuftay|garaacay)",
                       r"\b(mindi|hub|qori|bastoolad)\b.{0,20}\b(wata|sita|ku weeraray|ku dhuftay|ku mudday)",
                       r"\b(i|na|naga|ii) caawiya\b.{0,20}\b(hadda|degdeg|dhakhso)", r"\b(gargaar|caawimo)\b.{0,15}\b(hadda|degdeg|dhakhso)",
                       r"\b(booliska|booliiska|bilayska) (u yeera|soo waca|waca)\b", r"\b(u yeera|soo waca) (booliska|booliiska|bilayska)",
                       r"\bxaalad degdeg\b.{0,40}\b(hadda|booli|ambalaas|caawi)"],
        "fire_gas": [r"\bdab (baa|ayaa) (qabsaday|ka kacay|ka baxay)", r"\bdab qabsaday", r"\b(wuu|waa|way) gubanay",
                     r"\b(ur|urta|uriya)\b.{0,10}\bgaas", r"\bgaaska? (ayaa |baa )?(daadanaya|uraya)",
                     r"\bqiiq\b.{0,30}\b(guriga|meel walba|jaranjarada|ka soo baxaya)"],
        "medical": [r"\bma (neefsanayo|neefsan karo)", r"\b(miyir (beelay|la'aan)|suuxay|suuxsan)",
                    r"\b(wuu dhacay|way dhacday)\b.{0,40}\bma dhaqaaqayo", r"\bwadne (qabad|istaag)", r"\bsuuxdin",
                    r"\bdhiig (badan )?(baa|ayaa) ka (socda|daadanaya)", r"\b(ambalaas|ambulaas) (u yeera|soo waca|waca)\b",
                    r"\b(u yeera|soo waca) (ambalaas|ambulaas)"],
    },
    "ur": {
        "self_harm": [r"\bخود ?کشی", r"\b(مرنا|مر جانا) چاہت", r"\bجینا نہیں چاہت", r"\bاپنی جان (لے|دے)", r"\bخود کو (مار|ختم)",
                      r"\bساری (گولیاں|دوائیاں) (کھا|نگل)"],
        "domestic_abuse": [r"\b(شوہر|خاوند|میاں)\b.{0,25}\b(مجھے )?(مارتا|پیٹتا|مارا پیٹا|جان سے مارنے)",
                           r"\bمجھے (مارتا|مارتے|پیٹتا|مارا پیٹا|جان سے مارنے)", r"\bگھریلو تشدد"],
        "child_at_risk": [r"\bبچ(ے|وں|ہ)\b.{0,40}\bاکیل(ے|ا)\b.{0,40}\b(رات|گھنٹ|دن)", r"\bبچ(ے|وں|ہ) کو (مارتا|مارتی|مارتے|پیٹتا|پیٹتی|پیٹتے)"],
        "danger_now": [r"\b(گاڑی|کار|بس|ٹرک)\b.{0,15}\b(ٹکر مار|نے ٹکر|کچل)", r"\b(چاقو|چھری|پستول|بندوق)\b.{0,20}\b(لے کر|سے حملہ|نکال)",
                       r"\b(مجھے|ہمیں) بچا(ؤ|و|ئیں)", r"\bبچاؤ\s*(!|بچاؤ)", r"\bمدد\b.{0,15}\b(فوراً|فورا|جلدی|ابھی)",
                       r"\bپولیس\b.{0,10}\b(بلاؤ|بلائیں|بلاو|کو بلا)", r"\b(ایمرجنسی|ہنگامی)\b.{0,30}\b(فورا|جلدی|ابھی|مدد|پولیس)",
                       r"\b(کوئی|چور)\b.{0,15}\bگھر میں گھس"],
        "fire_gas": [r"\bآگ (لگ گئی|لگ گیا|لگی ہوئی|لگی ہے)", r"\bگیس (کی )?(بو|لیک)", r"\bہر طرف دھواں", r"\bدھواں (بھر گیا|ہر طرف)"],
        "medical": [r"\bسانس نہیں (لے|آ)", r"\b(بے ?ہوش|بیہوش)", r"\bدل کا دورہ", r"\bفالج کا حملہ", r"\bمرگی کا دورہ",
                    r"\b(گر|گرا|گری|گرے)\b.{0,40}\bہل نہیں (رہا|رہی)", r"\bایمبولینس\b.{0,10}\b(بلاؤ|بلائیں|بلاو|بھیجو|بھیجیں)",
                    r"\bخون بہہ رہا", r"\bسینے میں درد"],
    },
    "ur-latn": {
        "self_harm": [r"\bkhud ?kushi", r"\bkhudkhushi", r"\b(marna|mar jana) chaht(a|i|ay)", r"\b(jeena|jina) nahi chaht",
                      r"\bkhud ko (maar|mar|khatam kar)"],
        "domestic_abuse": [r"\b(shohar|shauhar|khawand|miyan)\b.{0,25}\b(mujhe )?(maarta|marta|peet|pit|dhamki)",
                           r"\bmujhe (maarta|marta|maarte|marte|peet|pitai|jaan se maar)", r"\bgharel(u|oo) tashadd?ud"],
        "child_at_risk": [r"\b(bache|bachay|bachche|bachchay)\b.{0,30}\b(akele|akelay|akela)\b.{0,30}\b(raat|ghanton|din)"],
        "danger_now": [r"\b(mujhe|hamein|humein) bacha(o|lo)\b", r"\bbachao\s*(!|bachao)", r"\bpolice (ko )?(bulao|bulaen|bulayen|bulaein)\b",
                       r"\bmadad\b.{0,15}\b(foran|fauran|jaldi|abhi)", r"\bemergency (hai|he|hay)\b.{0,40}\b(jaldi|foran|abhi|police|ambulance|madad)",
                       r"\bgaa?ri ne (takkar|takar|kuchal)", r"\b(chaaku|chaku|chhuri|pistol)\b.{0,20}\b(le kar|lekar|se hamla|nikal)"],
        "fire_gas": [r"\baag lag (gayi|gai|gaya|rahi|chuki)", r"\baag lagi (hai|hui)", r"\bgas (ki )?(boo|smell) (aa|a) rahi",
                     r"\b(dhuan|dhuwan|dhuaan)\b.{0,20}\b(har taraf|bhar gaya)"],
        "medical": [r"\b(saans|sans) nahi (le|aa) (raha|rahi|rahe)", r"\b(behosh|be hosh|bayhosh)", r"\bdil ka daura",
                    r"\b(gir|gira|giri|gire)\b.{0,30}\bhil nahi (raha|rahi)", r"\bambulance (bulao|bulaen|bulayen|bhejo)\b",
                    r"\bkhoon (beh|bah) raha"],
    },
    "bn": {
        "self_harm": [r"\bআত্মহত্যা", r"\bমরে যেতে চাই", r"\bমরতে চাই", r"\bবাঁচতে চাই না", r"\bনিজেকে (শেষ|মেরে)",
                      r"\bসব (ওষুধ|ঔষধ|ট্যাবলেট) খেয়ে"],
        "domestic_abuse": [r"\b(স্বামী|জামাই|হাজব্যান্ড).{0,25}(মারে|মারধর|মেরেছে|পেটায়|মারছে)", r"\bআমাকে (মারে|মারধর|মেরেছে|পেটায়|মারছে)",
                           r"\b(পারিবারিক|নারী) (সহিংসতা|নির্যাতন)"],
        "child_at_risk": [r"\b(বাচ্চা|শিশু|ছেলেমেয়ে).{0,40}একা.{0,40}(রাত|ঘন্টা|ঘণ্টা|দিন)",
                          r"\b(বাচ্চাকে|শিশুকে|বাচ্চাদের|ছেলেকে|মেয়েকে) (মারে|মারধর|পেটায়|মারছে)"],
        "danger_now": [r"\bগাড়ি.{0,15}(ধাক্কা|চাপা)", r"\b(ছুরি|চাকু|অস্ত্র|পিস্তল).{0,20}(নিয়ে|দিয়ে হামলা)",
                       r"\b(আমাকে|আমাদের) বাঁচাও", r"\bবাঁচাও\s*(!|বাঁচাও)", r"\bসাহায্য.{0,15}(এখনই|তাড়াতাড়ি|জলদি)",
                       r"\bপুলিশ (ডাকুন|ডাকো|ডাকেন)", r"\bজরুরি অবস্থা.{0,40}(এখনই|পুলিশ|অ্যাম্বুলেন্স|সাহায্য)"],
        "fire_gas": [r"\bআগুন (লেগেছে|লাগছে|লেগে)", r"\bগ্যাস(ের)? (গন্ধ|লিক)", r"\bধোঁয়া.{0,30}(সব জায়গায়|ভরে গেছে)"],
        "medical": [r"\b(শ্বাস|নিঃশ্বাস|নিশ্বাস) (নিচ্ছে না|নিতে পারছে না)", r"\bঅজ্ঞান", r"\bহার্ট (অ্যাটাক|এটাক)",
                    r"\bস্ট্রোক (করেছে|হয়েছে)", r"\b(পড়ে গেছে|পড়ে গেছেন|মেঝেতে পড়ে).{0,40}নড়ছে না", r"\bখিঁচুনি", r"\bরক্ত (পড়ছে|ঝরছে)",
                    r"\b(অ্যাম্বুলেন্স|এম্বুলেন্স) (ডাকুন|ডাকো|ডাকেন|পাঠান)", r"\bবুকে (ব্যথা|ব্যাথা)"],
    },
    "bn-latn": {
        "self_harm": [r"\b(atmohotta|attohotta|atmohatya|atmahatya|attohatya)", r"\bmore jete chai", r"\bmorte chai", r"\bbachte chai na"],
        "domestic_abuse": [r"\b(shami|swami|jamai)\b.{0,25}\b(amake )?(mare|marche|mardhor|mereche|merechhe)\b",
                           r"\bamake (mare|marche|mereche|merechhe|marlo|marse)\b"],
        "child_at_risk": [r"\b(baccha|bachcha|shishu)\w*\b.{0,30}\beka\b.{0,30}\b(raat|rat|ghonta|din)"],
        "danger_now": [r"\b(amake|amader) bachao\b", r"\bpolice (dakun|dako|daken)\b", r"\bgari\b.{0,10}\b(dhakka|chapa) (diyeche|dise|dilo)",
                       r"\bsahajj?o\b.{0,15}\b(ekhoni|ekhuni|taratari)"],
        "fire_gas": [r"\bagun (legeche|lagse|legese|lagche|lagchhe|lege gese)", r"\bgas(er)? (gondho|gondo|gandho)\b"],
        "medical": [r"\b(shash|shas|shwash|nishash|nisshash) (nite parche na|nicche na|nichhe na)", r"\b(oggan|ogyan|ojnan|ajnan|ozzan)\b",
                    r"\b(pore gese|pore geche|porese)\b.{0,30}\b(norche na|nodche na)", r"\bambulance (dakun|dako|daken|pathan)\b"],
    },
    "ar": {
        "self_harm": [r"\b(ال)?انتحار", r"\bأنتحر", r"\b(أريد أن أموت|بدي موت|أبغى أموت|عايز أموت|عايزة أموت)", r"\bأقتل نفسي",
                      r"\bلا أريد (أن )?أعيش", r"\b(أخذت|بلعت) (كل|علبة) (الحبوب|الأدوية|الدواء)", r"\b(أؤذي|أجرح) نفسي"],
        "domestic_abuse": [r"\bزوجي\b.{0,20}\b(يضربني|ضربني|يهددني|هددني|يخنقني)", r"\b(يضربني|ضربني|يعنفني)\b", r"\bعنف (أسري|منزلي)",
                           r"\b(خائفة|خايفة) منه\b", r"\b(خائفة|خايفة|خائف|خايف) من زوجي"],
        "child_at_risk": [r"\b(ال)?(أطفال|طفل|رضيع)\S*.{0,40}\b(وحدهم|وحده|وحدها|لوحدهم|لوحده|لوحدها)\b.{0,40}\b(الليل|ليل|ساعات|أيام)",
                          r"\bيضرب (الطفل|أطفاله|ابنه|بنته|الأطفال|الأولاد)"],
        "danger_now": [r"\b(دهسته|دهستها|صدمته|صدمتها) (سيارة|السيارة|باص)", r"\b(معه|معهم|يحمل|يحملون|بيده) (سكين|سلاح|مسدس|ساطور)",
                       r"\b(طعنوه|طعنه|طعنها|مطعون)", r"\bالنجدة", r"\b(الحقوني|أنقذوني)", r"\bساعدوني\b.{0,15}\b(بسرعة|الآن|حالا)",
                       r"\b(اتصلوا|اطلبوا)\s?(ب|على )?(الشرطة|البوليس|النجدة|الإطفاء|المطافي)",
                       r"\bحالة (طوارئ|طارئة).{0,40}(الآن|بسرعة|الشرطة|الإسعاف|ساعد)",
                       r"\b(شخص|حرامي|لص)\b.{0,15}\b(يقتحم|يحاول دخول|يحاول اقتحام) (البيت|الشقة|بيتي|شقتي)"],
        "fire_gas": [r"\bحريق\b", r"\b(البيت|الشقة|المطبخ|السيارة|المبنى|العمارة)\S*.{0,10}(تحترق|يحترق|مشتعل)", r"\b(رائحة|ريحة) (ال)?غاز",
                     r"\bتسرب (ال)?غاز", r"\b(ال)?دخان\b.{0,30}\b(في كل مكان|يملأ|كثيف)"],
        "medical": [r"\b(لا|ما|مش) (يتنفس|تتنفس)", r"\b(فاقد|فاقدة) (ال)?وعي", r"\b(مغمى|مغما) (عليه|عليها)", r"\bأغمي (عليه|عليها)",
                    r"\bنوبة (قلبية|صرع)", r"\bجلطة", r"\b(وقع|وقعت|سقط|سقطت|ملقى)\b.{0,40}\b(لا|ما) (يتحرك|تتحرك)",
                    r"\b(اتصلوا|اطلبوا)\s?(ب|على )?(ال)?إسعاف", r"\bنحتاج (ال)?إسعاف", r"\bينزف (بشدة|كثير)", r"\bألم (في|ب)(ال)?صدر"],
    },
}
# Calm mentions that look like the cues: a past fire, a drill, prevention work, a hospital's name.
_LOOK_ALIKES = [
    r"\b(był|po) pożar(ze)?\b", r"\bćwiczeni\w* (przeciwpożarow|ewakuacyjn)", r"\bprevenirea sinucid", r"\bintihar (önleme|farkındal)",
    r"\bpronto[- ]socorro", r"\bprevenção (do )?suic", r"\bprevención (del )?suic", r"\b(hubo|houve) (un|um) incêndio",
    r"\b(طفاية|مخرج|سلم|تمرين|إنذار|جهاز|خطر) (ال)?حريق", r"\bkalp krizi geçirece",
]

# How phones without the language's keyboard type the same letters: each accented Latin letter also
# matches its plain one ("pożar" finds "pozar"), Romanian's comma and cedilla letters match each other,
# Arabic's alef with or without hamza, Bengali's nukta letters in one code point or two.
_SAME = {"ș": "șşs", "ş": "şșs", "ț": "țţt", "ţ": "ţțt", "ł": "łl", "ı": "ıi", "أ": "أإآا", "إ": "إأآا", "آ": "آأإا"}
_NUKTA = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}


def _letters(char: str) -> str:
    if char in _SAME:
        return _SAME[char]
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return char + plain if plain != char and plain.isascii() and plain.isalpha() else char


def loose(pattern: str) -> str:
    """The pattern with each accented letter outside a [...] set made a set of its spellings."""
    out, in_set, escaped = [], False, False
    for char in unicodedata.normalize("NFC", pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        else:
            letters = _letters(char)
            char = f"[{letters}]" if len(letters) > 1 else char
        out.append(char)
    text = "".join(out)
    for pair, single in _NUKTA.items():
        text = text.replace(pair, f"(?:{pair}|{single})")
    return text


CUES: dict[str, list[str]] = {}
for _by_reason in CUES_BY_LANGUAGE.values():
    for _reason, _patterns in _by_reason.items():
        CUES.setdefault(_reason, []).extend(loose(p) for p in _patterns)
LOOK_ALIKES = [loose(p) for p in _LOOK_ALIKES]
