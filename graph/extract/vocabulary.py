"""The words the rules read: region ranks, titles, honorifics, agreement, visit and meeting
vocabulary, sectors, months and weekdays, in Indonesian and English.

Rules are data here; the stages (mentions, posts, agreements, events) only apply them.
"""
from __future__ import annotations

import re


REGION_TYPES = {"Country", "Province", "Regency", "City", "PrefectureLevelCity", "Prefecture", "County",
                "CountyLevelCity", "District", "SpecialRegion", "Island"}
LEVEL = {"County": 1, "CountyLevelCity": 1, "District": 1, "Regency": 2, "City": 2, "PrefectureLevelCity": 2,
         "Prefecture": 2, "SpecialRegion": 2, "Province": 3, "Island": 3, "Country": 4}
# regions that sign sister-city ties and similar agreements (below a province)
LOCAL_REGIONS = {"Regency", "City", "PrefectureLevelCity", "Prefecture", "County", "CountyLevelCity", "District",
                 "SpecialRegion"}
# rank word -> ontology class; written before the name (id/en) or after it (en)
RANK_BEFORE = {"Kabupaten": "Regency", "Kab.": "Regency", "Kota": "City", "Provinsi": "Province",
               "Prov.": "Province", "Kecamatan": "County", "Regency of": "Regency", "City of": "City",
               "Province of": "Province", "city of": "City", "regency of": "Regency", "province of": "Province"}
RANK_AFTER = {"Regency": "Regency", "City": "City", "Province": "Province", "province": "Province",
              "County": "County", "Prefecture": "City"}
# a rank word or a title's region class -> the classes of the gazetteer it may name
# (Indonesian writes a Chinese county "kabupaten", and a prefecture "kota")
COMPATIBLE = {"City": {"City", "PrefectureLevelCity", "CountyLevelCity", "Prefecture"},
              "Regency": {"Regency", "County"}, "Province": {"Province"},
              "County": {"County", "CountyLevelCity", "District"}}
RANK_PREFIX = {"Regency": "kabupaten-", "City": "kota-", "Province": "provinsi-", "County": "kecamatan-"}

# (title as written, role notation, class of the region it is held in)
TITLES = [
    # a Chinese city's first deputy: "Wakil Wali Kota Eksekutif Nanjing, Ms. Name", "Executive Vice Mayor Name"
    ("Wakil Wali Kota Eksekutif", "deputy-mayor", "City"), ("Wakil Walikota Eksekutif", "deputy-mayor", "City"),
    ("Executive Vice Mayor", "deputy-mayor", "City"), ("Executive Deputy Mayor", "deputy-mayor", "City"),
    ("Wakil Gubernur Eksekutif", "vice-governor", "Province"),
    ("Executive Vice Governor", "vice-governor", "Province"),
    ("Wakil Wali Kota", "deputy-mayor", "City"), ("Wakil Walikota", "deputy-mayor", "City"),
    ("Wawali", "deputy-mayor", "City"), ("Wali Kota", "mayor", "City"), ("Walikota", "mayor", "City"),
    ("Wakil Bupati", "vice-regent", "Regency"), ("Wabup", "vice-regent", "Regency"), ("Bupati", "regent", "Regency"),
    ("Wakil Gubernur", "vice-governor", "Province"), ("Wagub", "vice-governor", "Province"),
    ("Gubernur", "governor", "Province"), ("Wakil Ketua Umum", "vice-chair", None),
    # a legislature's vice chairs are numbered: "Wakil Ketua I DPRD Kota Tidore Kepulauan"
    ("Wakil Ketua I", "vice-chair", None), ("Wakil Ketua II", "vice-chair", None),
    ("Wakil Ketua III", "vice-chair", None), ("Wakil Ketua IV", "vice-chair", None),
    ("Wakil Ketua", "vice-chair", None),
    ("Ketua Umum", "chair", None), ("Ketua", "chair", None),
    ("Kepala", "head", None), ("Kadis", "head", None), ("Kaban", "head", None), ("Kabag", "head", None),
    ("Menteri", "minister", None), ("Direktur Utama", "director", None),
    # a directorate-general's or a bureau's director-general directs it
    ("Direktur Jenderal", "director", None), ("Dirjen", "director", None), ("Direktur", "director", None),
    ("Director-General", "director", None), ("Director-general", "director", None),
    ("Director General", "director", None),
    ("Deputy Mayor", "deputy-mayor", "City"), ("Vice Mayor", "deputy-mayor", "City"), ("Mayor", "mayor", "City"),
    ("Deputy Regent", "vice-regent", "Regency"), ("Vice Regent", "vice-regent", "Regency"),
    ("Regent", "regent", "Regency"),
    ("Vice Governor", "vice-governor", "Province"), ("Deputy Governor", "vice-governor", "Province"),
    ("Governor", "governor", "Province"), ("Minister", "minister", None),
    ("Vice Chairperson", "vice-chair", None), ("Vice Chairman", "vice-chair", None),
    ("Vice Chairwoman", "vice-chair", None), ("Vice Chair", "vice-chair", None),
    ("Chairperson", "chair", None), ("Chairman", "chair", None), ("Chairwoman", "chair", None),
    ("Chair", "chair", None),
    ("Head", "head", None), ("Managing Director", "director", None),
    ("Director", "director", None), ("Speaker", "chair", None),
    ("General Manager", "director", None),  # a company's: "Name, general manager of … Co."
    ("Anggota", "member", None), ("Member", "member", None),
    ("Wako", "mayor", "City"), ("Kadisperindag", "head", None),
    # diplomats: the post is in their mission (a consulate or an embassy), not in a region
    ("Konsul Jenderal", "consul-general", None), ("Konsul Jendral", "consul-general", None),
    ("Konjen", "consul-general", None),
    ("Consul General", "consul-general", None), ("Consul-General", "consul-general", None),
    ("Konsul", "consul", None), ("Consul", "consul", None),
    ("Duta Besar Luar Biasa dan Berkuasa Penuh", "ambassador", None),
    ("Ambassador Extraordinary and Plenipotentiary", "ambassador", None), ("Duta Besar", "ambassador", None),
    ("Dubes", "ambassador", None), ("Ambassador", "ambassador", None),
    # a region's secretary heads its secretariat ("Sekretariat Daerah Provinsi Bengkulu", "Setda Kalteng")
    ("Sekretaris Daerah", "head", "Secretariat"), ("Sekda", "head", "Secretariat"),
    ("Sekdakab", "head", "Secretariat"), ("Sekdakot", "head", "Secretariat"), ("Sekdaprov", "head", "Secretariat"),
    ("Regional Secretary", "head", "Secretariat"), ("City Secretary", "head", "Secretariat"),
    ("Regency Secretary", "head", "Secretariat"), ("Provincial Secretary", "head", "Secretariat"),
    # and a council's secretary its council's secretariat ("Sekretariat DPRD Kabupaten Dompu", "Setwan Dompu")
    ("Sekretaris DPRD", "head", "CouncilSecretariat"), ("Sekwan", "head", "CouncilSecretariat"),
    # a secretary general has no role in the ontology: no post, but its holder is named where the title says
    ("Sekretaris Jenderal", None, None), ("Sekjen", None, None), ("Secretary General", None, None),
    ("Secretary-General", None, None), ("Sekretaris", None, None), ("Secretary", None, None),
    # who heads a college or university
    ("Rektor", "head", None), ("Rector", "head", None), ("Presiden", "head", None), ("President", "head", None),
]
DIPLOMATS = {"consul-general", "consul", "ambassador"}
# where an ambassador "to Indonesia" or "untuk Tiongkok" has the embassy
CAPITALS = {"indonesia": "Jakarta", "china": "Beijing"}
# a country's people, as an English apposition names its mission: "the Indonesian consul general in Guangzhou"
DEMONYMS = {"Indonesian": "Indonesia", "Chinese": "China"}
# common Chinese surnames in pinyin: a name that starts with one and has two or three words is read as a Chinese
# official's when a title names no place ("Vice Mayor Tan Weiguo" in a story about two cities)
CHINESE_SURNAMES = set("""Bai Bao Cai Cao Chang Chen Cheng Cui Dai Deng Ding Dong Du Duan Fan Fang Feng Fu Gao Ge Gong Gu
    Guan Guo Han Hao He Hong Hou Hu Hua Huang Ji Jia Jiang Jin Kang Kong Lai Lei Li Liang Liao Lin Liu Long Lu Luo Lü
    Ma Mao Meng Mo Niu Ou Pan Peng Qi Qian Qiao Qin Qiu Ren Shao Shen Shi Song Su Sun Tan Tang Tao Tian Wan Wang Wei
    Wen Wu Xia Xiang Xiao Xie Xiong Xu Xue Yan Yang Yao Ye Yin Yu Yuan Yue Zeng Zhai Zhang Zhao Zheng Zhong Zhou Zhu
    Zhuang Zou Bi Bian Chai Che Chu Dou Fei Geng Hang Huo Jiao Jing Ke Kou Kuang Lan Lian Ling Lou Luan Lv Miao
    Min Nie Ning Pang Pei Pu Qu Quan Ran Rao Rong Ruan Shan Shang Sheng Shu Sui Teng Tong Tu Weng Xi Xian Xin Xing
    Yi Yong You Zang Zhan Zhi Zhuo Zong Zuo""".split())
# the word an organisation's name starts with (Indonesian) or ends with (English)
ORG_HEADS_FIRST = {"Dinas", "Badan", "Biro", "Kantor", "Bagian", "Departemen", "Kamar", "Kadin", "DPRD", "DPR",
                   "Komisi", "Kongres", "Dewan", "Lembaga", "Asosiasi", "Perhimpunan", "Himpunan", "Ikatan",
                   "Persatuan", "Yayasan", "Universitas", "PT", "Bank", "Direktorat", "Kementerian", "Pemerintah",
                   "Pemkot", "Pemkab", "Pemprov", "Disperindag", "Dispar", "Diskominfo", "Bappeda", "DPMPTSP",
                   "Sekretariat", "Perusahaan", "Koperasi", "Pusat", "Institut", "Sekolah", "Politeknik", "Perkumpulan",
                   "Paguyuban", "Gabungan", "SMK", "SMA", "SMP", "SMKN", "SMAN", "Madrasah", "Museum", "Forum",
                   "Balai", "Sanggar", "Komunitas", "Teater", "Serikat", "Klub", "Kelompok", "Gapoktan"}
# a regional agency's acronym, which news writes as its name: "Disparpora", "Dinporabudpar", "Bappedalitbang",
# "Diskopukmperindag", "Bapenda" (a word after a head's title, so "Dinding" or "Disney" never come there)
AGENCY_ACRONYM_RE = re.compile(r"(?:Di[sn]|Bap{1,2}e)[a-z]{3,}|DPMPTSP|BPKAD|BKPSDM|Setda|Setdakab|Setdako|Kesbangpol|"
                               r"DKP|DLH|BPBD|BKD|BPKD|DPUPR|DPMD|DPPKB|DP3A|DPKP|DKUKM|DKPP")
ORG_HEADS_LAST = {"Bureau", "Office", "Department", "Chamber", "Council", "Association", "Committee", "Commission",
                  "Congress", "Agency", "Company", "Group", "Corporation", "University", "Institute", "Federation",
                  "Society", "Board", "Authority", "Commerce", "Industry", "Logistics", "Port", "Bank", "Ministry",
                  "Co", "Ltd", "Inc", "College", "Polytechnic", "Hospital", "Academy", "Museum", "Forum", "Centre",
                  "Center", "Foundation", "Cooperative", "Union", "Alliance", "Network", "Administration",
                  "Secretariat", "Directorate", "Troupe", "Theatre", "Theater", "Club", "Community"}
# a term of office after a post: "periode 2024-2029", "masa jabatan 2024–2029", "for the 2024-2029 term"
TERM_RE = re.compile(r",?\s*(?:\((?=periode|masa))?(?:(?:periode|masa (?:jabatan|bakti))\s+|for the\s+|in the\s+)"
                     r"((?:19|20)\d\d)\s*(?:-|–|—|hingga|sampai|to)\s*((?:19|20)\d\d)(?:\s+term)?\)?")
# roles that have an acting form of their own (Pj, Plt, Penjabat, Pelaksana Tugas, acting)
ACTING = {"governor", "vice-governor", "regent", "vice-regent", "mayor", "deputy-mayor", "head", "director",
          "chair", "minister"}
# (Plh, "pelaksana harian": who stands in for a day-to-day absence, read as acting too)
ACTING_WORDS = (r"(?:Pj|Plt|Plh|Penjabat|Pelaksana [Tt]ugas|Pelaksana [Hh]arian|Acting|acting)\.?"
                r"(?:\s*\((?:Pj|Plt|Plh)\.?\))?")
TITLE_ROLE = {t.lower(): (r, c) for t, r, c in TITLES}  # looked up in lower case: "Harbin deputy mayor Name"
# a title, maybe acting ("Ketua Sementara DPRD": interim, read as acting), maybe with its abbreviation in
# brackets: "Penjabat (Pj) Gubernur",
# "Wakil Gubernur (Wagub)", "Konsul Jenderal (Konjen)"; group 'title' is the title, each word's first letter in
# either case ("Deputy Mayor", "deputy mayor")
TITLE_RE = re.compile(r"\b(?P<acting>" + ACTING_WORDS + r"\s+)?(?P<title>" + "|".join(
    " ".join(f"[{w[0]}{w[0].lower()}]{re.escape(w[1:])}" for w in t.split())
    for t, _, _ in sorted(TITLES, key=lambda x: -len(x[0])))
    + r")\b(?P<interim>\s+[Ss]ementara\b)?(?:\s*\([A-Z][A-Za-z]{1,8}\.?\))?")
# role words in an apposition: "Name, peneliti sekaligus direktur … di ORG"
APPOSITION_ROLES = {"peneliti": "researcher", "researcher": "researcher", "direktur": "director",
                    "director": "director", "ketua": "chair", "chairman": "chair", "chairperson": "chair",
                    "kepala": "head", "head": "head", "anggota": "member", "member": "member",
                    "wakil ketua": "vice-chair", "vice chairman": "vice-chair"}
# regional posts in an apposition: "Budi Rustandi, the Mayor of Serang,"
APPOSITION_REGIONAL = {"wali kota": ("mayor", "City"), "wakil wali kota": ("deputy-mayor", "City"),
                       "mayor": ("mayor", "City"), "deputy mayor": ("deputy-mayor", "City"),
                       "vice mayor": ("deputy-mayor", "City"), "deputy regent": ("vice-regent", "Regency"),
                       "deputy governor": ("vice-governor", "Province"),
                       "bupati": ("regent", "Regency"), "wakil bupati": ("vice-regent", "Regency"),
                       "regent": ("regent", "Regency"), "vice regent": ("vice-regent", "Regency"),
                       "gubernur": ("governor", "Province"), "wakil gubernur": ("vice-governor", "Province"),
                       "governor": ("governor", "Province"), "vice governor": ("vice-governor", "Province")}
# the Balinese "I" (a man's name) before a birth-order or caste name: "I Gede Ngurah Sastrawan", "I Made …"
BALINESE_I = (r"(?:(?:I|Ni)\s+(?=(?:Gede|Gusti|Made|Ketut|Nyoman|Wayan|Putu|Kadek|Komang|Nengah|Dewa|Ida|Kade|Luh)"
              r"\b)|(?:La|Wa)\s+(?=Ode\b))?")  # "I Wayan …", "Ni Luh Putu …", Butonese "La Ode …": a name's mark
APPOSITION_REGIONAL_RE = re.compile(
    r"(" + BALINESE_I + r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?i:the\s+|selaku\s+|"
    # ("Name, who was elected regent of X for the 2025-2030 term")
    r"who (?:was|has been|is) (?:elected|appointed|sworn in as|installed as)(?: the)?\s+)?"
    r"(?i:(?:Pj\.?|Plt\.?|acting)\s+)?((?i:"
    + "|".join(sorted(APPOSITION_REGIONAL, key=len, reverse=True)) + r"))(?:\s+of)?\s+")
HONORIFICS = ["H.", "Hj.", "Dr.", "dr.", "Ir.", "Drs.", "Dra.", "Prof.", "KH.", "K.H.", "Mr.", "Mrs.", "Ms.",
              "Capt.", "Kapt.", "Bapak", "Ibu", "Pak", "Bu", "Haji", "Hajjah", "Hajah",
              "Mr", "Mrs", "Ms"]
# a military or police rank, which regional heads who served keep before their name: "Bupati Karo, Brigjen Pol
# [Purn] Dr. dr. Name", "Kolonel (Purn) Name"
RANK = (r"(?:Brigjen|Mayjen|Letjen|Irjen|Komjen|Kombes|AKBP|Kolonel|Letkol|Laksma|Laksda|Marsma|Marsda)"
        r"(?:\s+(?:Pol|TNI)\.?)?(?:\s*[\[(]Purn\.?[\])])?")
# "Ir. Name" and, as some outlets write it, "Ir.Name"
HONORIFIC_RE = re.compile(r"(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + "|" + RANK +
                          r")(?:\s+|(?<=\.)(?=[A-Z][a-z])))+")
HONORIFIC_NAME_RE = re.compile(r"((?:(?:" + "|".join(re.escape(h) for h in HONORIFICS if h[-1] == ".")
                                + r")\s+)+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\Z")
PLACE_BEFORE_HONORIFIC_RE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),?\s+"
                                        r"(?=(?:H|Hj|Dr|Ir|Drs|Dra|Prof|KH)\.)")
PLACE_BEFORE_TITLE_RE = re.compile(r"(?<![\w-])([A-Z][a-z'’-]+)\s+\Z")
NAME_WORD = r"(?:Al|El|Ad|As|Ar|An|At)-[A-Z][a-z'’\-]+|[A-Z][a-z'’\-]+|[A-Z]\b"  # (Arabic "Al-Banjari", "As-Sidiq")
# a given name may be abbreviated before the rest ("Muh. Arsyad", "M. Yusuf", "Abd. Rahman"); an honorific
# ("H.", "Dr.") is not part of the name
_GIVEN_ABBREVIATION = r"(?!(?:H|Hj|Dr|Ir|Drs|Dra|Prof|KH|Mr|Mrs|Ms|St|Capt|Kapt)\.)(?:[A-Z][a-z]{0,3}\.\s+){1,2}(?=[A-Z][a-z])"
# what may stand between a title and its holder's name: "Wali Kota Serang, yaitu Budi …"
NAME_GAP_RE = re.compile(r"(?:[\s,]|\b(?:yaitu|yakni|ialah|namely)\b)*")
# (initials may close a name: "Wali Kota Herman HN")
NAME_RE = re.compile(rf"{BALINESE_I}(?:{_GIVEN_ABBREVIATION})?(?:{NAME_WORD})(?:\s+(?:{NAME_WORD})){{0,3}}"
                     rf"(?:(?<=[a-z])\s+[A-Z]{{2,3}}(?![\w'’.(-]))?")
NOT_NAMES = {"Dalam", "Pada", "Sementara", "Menurut", "Selain", "Kota", "Kabupaten", "Provinsi", "Pemerintah",
              "The", "In", "On", "At", "According", "Ia", "Dia", "Kami", "He", "She", "They", "We", "Sejak",
              "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "Tiongkok", "Cina", "China", "Indonesia", "Delegasi",
              "Rombongan", "Pertemuan", "Kunjungan", "Deputy", "Mayor", "Governor", "Regent", "Wakil", "Wali",
              # words that open a sentence or a list of guests, before a name
              "Hadir", "Turut", "Tampak", "Juga", "Also", "Present", "Among", "Including", "Termasuk", "Yakni",
              "Yaitu", "Sedangkan", "Kemudian", "Namun", "But", "And", "Dan", "Serta", "Bersama",
              # verbs a headline capitalises after a title: "Pj Bupati Malteng Terima Delegasi Putian"
              "Terima", "Menerima", "Sambut", "Teken", "Tandatangani", "Kunjungi", "Hadiri", "Bahas", "Jajaki",
              "Dorong", "Ajak", "Buka", "Resmikan", "Lepas", "Pimpin", "Bertemu", "Temui",
              # demonyms: "the northwest Chinese province" names no province "Chinese"
              "Chinese", "Indonesian",
              # titles the ontology has no role for: "mendampingi gubernur, Asisten Perekonomian …, Name"
              "Asisten", "Atase", "Staf", "Assistant", "Attache", "Attaché",
              # a building or room named for a title: "Ruang Rapat Bupati, Kantor Bupati X" (no region "Rapat")
              "Kantor", "Ruang", "Rapat", "Gedung", "Aula", "Pendopo", "Pendapa",
              # a government after a title's "of the": "deputy secretary-general of the X Municipal People's Government"
              "Government", "Municipal", "Provincial"}
# every word of a title ("Wali", "Kota", "Ketua", "Mayor"): a capitalised word before a name that is not
# part of the name
# (not a numbered vice chair's numeral: "I" begins Balinese names, "I Gede …")
TITLE_WORDS = {w for t, _, _ in TITLES for w in t.split() if w not in ("I", "II", "III", "IV")} | {
    "Pj", "Plt", "Acting", "Penjabat", "Bapak", "Ibu", "Pak", "Bu", "Mr", "Mrs", "Ms", "Dr", "Prof", "Capt", "Kapt"}

AGREEMENTS = [  # (pattern, class, id prefix)
    (r"\b[Ll]etter of [Ii]ntent\b|\bLoI\b|\bIntent Letter\b|\b[Ss]urat [Pp]ernyataan [Mm]inat\b", "LetterOfIntent", "loi"),
    (r"\b[Mm]emorandum of [Uu]nderstanding\b|\bMoU\b|\b[Nn]ota [Kk]esepahaman\b", "MemorandumOfUnderstanding", "mou"),
    (r"(?i)\bsister[- ]cit(?:y|ies)\b|\bkota kembar\b|\bkota bersaudara\b", "SisterCityRelationship", "sister-city"),
    (r"(?i)\bsister[- ]provinces?\b|\bprovinsi kembar\b|\bprovinsi bersaudara\b", "SisterProvinceRelationship",
     "sister-province"),
    (r"(?i)\bperjanjian kerja ?sama\b|\bcooperation agreement\b|\btelah sepakat\b|\bmenyepakati\b|"
     r"\bhave agreed to\b|\bhas agreed to\b|\bagreed to (?:strengthen|expand|deepen|cooperate|boost)",
     "CooperationAgreement", "agreement"),
]
AGREEMENT_LABEL = {"LetterOfIntent": ("LoI", "LoI"), "MemorandumOfUnderstanding": ("MoU", "MoU"),
                    "SisterCityRelationship": ("Kota kembar", "sister cities"),
                    "SisterProvinceRelationship": ("Provinsi kembar", "sister provinces"),
                    "CooperationAgreement": ("Perjanjian kerja sama", "cooperation agreement")}
SIGN_RE = re.compile(r"(?i)\bmenandatangani\b|\bditandatangani\b|\bditeken\b|\bteken\b|\bmeneken\b|\bpenandatanganan\b|\btanda tangan\b|\bsign(?:ed|s|ing)?\b")
VISIT_RE = re.compile(r"(?i)\bkunjungan\b|\bberkunjung\b|\bmengunjungi\b|\blawatan\b|\bdelegasi\b|\brombongan\b"
                       r"|\btiba di\b|\barrived in\b"
                       # told after the trip: "has returned from Tengchong, where they studied …", "spent three days in"
                       r"|\breturned from\b|\bkembali dari\b|\bspent (?:\w+ )?days in\b|\bselama (?:\w+ )?hari di\b"
                       # the visitors received, said again of them: "It was received on Thursday by Vice Mayor Name"
                       r"|\b(?:it|they) (?:was|were) (?:received|welcomed|hosted)\b"
                       r"|\bvisit(?:s|ed|ing)?\b|\bdelegation\b|\bmisi (?:dagang|bisnis)\b|\b(?:trade|business) mission\b"
                       # a group that came from somewhere: "a 16-member group of … from Buleleng", "Sebanyak 11 dokter
                       # dan perawat dari Rumah Sakit …", "tim medis dari …"
                       r"|\b(?:group|team|troupe|tim|kelompok|grup)\b(?:\s+[\w-]+){0,8}?\s+(?:from|dari|asal)\s+(?:the\s+)?(?=[A-Z])"
                       r"|\bsebanyak\s+\d+\s+(?:[\w-]+\s+){1,6}?(?:dari|asal)\s+(?=[A-Z])"
                       # a count of people from somewhere opening the sentence: "Twelve ceramic artists and teachers
                       # from Jingdezhen … spent Thursday showing potters …" (not at a fair: taking part is no visit)
                       r"|\A(?![^\n]*\b(?:expo|fair|exhibition|pameran|festival)\b)"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                       r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\d+)\s+(?:[\w-]+\s+){0,4}?"
                       r"(?:[a-z]+s|people)\s+from\s+(?=[A-Z])"
                       # the same in Indonesian: "Lima ahli dari Asosiasi … melatih puluhan pembudi daya …"
                       r"|\A(?![^\n]*\b(?:expo|pameran|festival|pekan raya)\b)"
                       r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\w+ belas|\d+)\s+"
                       r"(?:[\w-]+\s+){1,4}?(?:dari|asal)\s+(?=[A-Z])")
MEETING_RE = re.compile(r"(?i)\bpertemuan\b|\bbertemu\b|\brapat\b|\baudiensi\b|\bmeeting\b|\bmet\b|\btalks\b|"
                        r"\bforum\b|\btemu (?:bisnis|usaha)\b|\bbusiness matching\b")
GUEST_RE = re.compile(r"(?i)\b(?:group|team|troupe|tim|kelompok|grup)\b(?:\s+[\w-]+){0,8}?\s+(?:from|dari|asal)\s+(?:the\s+)?$|"
                      r"\bsebanyak\s+\d+\s+(?:[\w-]+\s+){1,6}?(?:dari|asal)\s+$|"
                      r"\b(?:delegasi|rombongan|delegation|delegates)(?:\s+(?:resmi|dari|asal|from|of|the|"
                      r"pemerintah|government|komite tetap|standing committee|[a-z]+-member|\w+ orang|\w+['’]s))*\s+$|"
                      # who the delegation is and where it comes from: "rombongan investor dari Kota", "a business
                      # delegation from the northeast Chinese city of", "20 pengusaha asal Provinsi"
                      r"\b(?:delegasi|rombongan|delegation|delegates|mission|misi dagang|pengusaha|investor|investors|"
                      r"businesspeople|"
                      r"business people|entrepreneurs|pelajar|siswa|mahasiswa|students|guru|teachers|seniman|artists|"
                      r"ahli|pakar|experts|specialists|trainers|pelatih)"
                      r"(?:\s+[\w-]+){0,2}?\s+(?:dari|asal|from)\s+"
                      r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:city|province|regency|county|district|prefecture)\s+of\s+"
                      r"|(?:kota|kabupaten|provinsi)\s+|(?-i:(?:[a-z-]+|Chinese|Indonesian)\s+){1,3})?$")
# "Fuqing's delegation", "an 11-member Shanghai municipal delegation"
GUEST_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?:(?:municipal|provincial|city|regency|government|business|trade)\s+)?"
                            r"(?:delegation|delegates|team)\b")
# ("kunjungan kerja (kunker) ke": its abbreviation between)
HOST_RE = re.compile(r"(?i)\b(?:kunjungan(?: kerja| resmi)?(?: \(\w+\))? ke|berkunjung ke|"
                      r"visit(?:ed|s)?(?: to)?(?: the)?|"
                      r"trip to|mengunjungi|misi (?:dagang|bisnis) ke|(?:trade|business) mission to|"
                      # ("kunjungan ke Pemerintah Kabupaten X": the region's government)
                      r"(?:arrived|arrives|arriving) in|tiba di)\s+(?:(?:Pemerintah|Pemda)\s+)?$|"
                      # whom the visitors met: "bertemu puluhan pelaku usaha Kalimantan Tengah", "met with Riau"
                      r"\b(?:bertemu(?:\s+dengan)?|met(?:\s+with)?)(?-i:\s+[a-z]+){0,3}\s+$")
# the journey out, or back, told first: "berangkat ke Kota Dongyang … untuk mengikuti pelatihan", "left for Guilin",
# "has returned from Tengchong, where they studied …" (later in a story it is the way home or on: "sebelum bertolak
# ke Makassar")
SET_OUT_RE = re.compile(r"(?i)\b(?:(?:berangkat|bertolak|terbang) ke|(?:left|departed) for|flew to|travell?ed to|"
                        r"(?:has |have |had )?returned from|baru (?:saja )?kembali dari)\s+"
                        r"(?:(?:Pemerintah|Pemda)\s+)?$")
LEADER_RE = re.compile(r"(?i)\b(?:dipimpin(?: langsung)?(?: oleh)?|diketuai(?: langsung)?(?: oleh)?|led by|"
                       r"headed by)\s+")
# a meeting as what the subject did, not a noun in passing ("saat pertemuan di …")
MEETING_VERB_RE = re.compile(r"(?i)\b(?:menggelar|mengadakan|melakukan|melaksanakan|mengikuti) (?:pertemuan|forum|"
                             r"temu bisnis|temu usaha)\b|\bbertemu\b|"
                             r"\bmet\b|\bmeets\b|\bheld (?:talks|a meeting|an? (?:[\w-]+ ){0,3}forum)\b|"
                             r"\bhosted an? (?:[\w-]+ )?forum\b")
DELEGATION_RE = re.compile(r"(?i)\bdelegasi\b|\brombongan\b|\bdelegation\b|\bdelegates\b")
VISIT_VERB_RE = re.compile(r"(?i)\bkunjungan\b|\bberkunjung\b|\bmengunjungi\b|\bvisit(?:s|ed|ing)?\b")
# who led a delegation, named after or before the phrase
LEADER_AFTER_RE = re.compile(r"(?i)\bketua rombongan(?:nya)?\s*(?:,|adalah|yaitu|yakni)?\s*|"
                             # ("The mission, organised by the … Office as part of its programme, was led by Name")
                             # ("Pohuwato's 13-member group was led by Name")
                             r"\b(?:the|[A-Z][\w'’-]*['’]s) (?:[A-Z][\w'’-]+\s+|\d+-member\s+)?"
                             r"(?:delegation|group|team|mission)(?:,[^,.;\n]{0,120},)?"
                             r"(?: was| is|,)? (?:led|headed) by\s+|"
                             r"\bhead of the delegation,?\s+")
# (who the leader is may be said between commas: "Hu Weiping, vice-president of the academy, led the delegation")
LEADER_BEFORE_RE = re.compile(r"(" + BALINESE_I + r"(?:[A-Z][a-z'’-]+\s+){0,3}[A-Z][a-z'’-]+)"
                              r"(?:,[^,.;\n]{3,80}(?=,))?"
                              r",?\s+(?:yang(?: juga)?\s+|selaku\s+|sebagai\s+|"
                              r"who (?:also )?)?(?:(?:menjadi\s+)?ketua rombongan|memimpin (?:rombongan|delegasi)|"
                              r"(?:led|leads|headed|heads|is leading|was leading) (?:the|a|an|his|her)(?:\s+[\w-]+){0,2} "
                              r"(?:delegation|team))")
# where a region named just before lies, not where something happened: "small producers from Pohuwato regency in
# Gorontalo took … to the fair", "with Wuyishan, a county-level city in Nanping"
LIES_IN_RE = re.compile(r"(?i)\b(?:regency|city|county|province|kabupaten|kota)\s+(?:in|di)\s+\Z")
# who else was there: "Turut hadir …", "Hadir mendampingi …", "didampingi …", "Also present was …"
ATTENDING_RE = re.compile(r"(?i)\b(?:turut hadir|hadir|mendampingi|didampingi|(?:turut )?menyaksikan|disaksikan|"
                          r"di hadapan|in the presence of|"
                          r"witnessed|also (?:present|attending|attended)|attended by|dihadiri|"
                          # "Present at the ceremony were …", "… attended the signing ceremony"
                          r"present at|(?:were|was) present|attended the|"
                          # "A, Title, and B, Title, participated in the meeting and signing ceremony"
                          r"participated in|took part in|(?:turut|ikut) serta dalam|"
                          # who spoke there was there: "Bupati X dalam sambutannya mengatakan …", "in his remarks"
                          r"dalam (?:sambutan|laporan)(?:nya)?|"
                          r"in (?:his|her) (?:opening |welcoming )?(?:speech|remarks|address|report)|"
                          r"speaking at the|"
                          r"accompanied|accompanying|joined by|(?:was|were) also (?:present|there)|"
                          # who looked on or ran the ceremony: "Watching from Salatiga were …", "X presided over it"
                          r"watching|watched|looked on|presided|memandu (?:jalannya )?acara|"
                          # "Among the Jiangmen delegates were …", "On the Pekanbaru side were …"
                          r"among the (?:[\w-]+ )?(?:delegates|guests)|on the [\w-]+ side (?:were|was)|"
                          # "A, Title, and B, Title, were among those at the ceremony"
                          r"among those (?:at|present|attending|who attended)|"
                          # the leader's companions: "With him were Name, acting head of …, and Name, chairman of …"
                          r"with (?:him|her) (?:were|was|are|is)|"
                          r"also at the (?:signing|ceremony|meeting))\b")
# the subject of these hosts the event: "Wali Kota X menerima …", "Gubernur X menggelar pertemuan dengan …"
# ("met", "bertemu" say nothing of who came to whom: the host is then the other side of the guest)
RECEIVE_RE = re.compile(r"(?i)\b(?:menerima|menyambut|menjamu|(?:menggelar|mengadakan) (?:pertemuan|forum|temu bisnis|"
                        r"temu usaha)|"
                        r"received|welcomed|hosted)\b")
# the visitors received by the host, said of them: "They were received by Regent X", "Rombongan diterima Bupati X"
RECEIVED_BY_RE = re.compile(r"(?i)\b(?:(?:was|were) (?:received|welcomed|hosted)|diterima|disambut|dijamu)\b")
REFERS_BACK_RE = re.compile(r"(?i)\b(?:ini|tersebut|kedua|dua daerah|dua kota|the cooperation|the agreement|"
                             r"the partnership|this|these|both|the deal)\b")
DISCUSSION_RE = re.compile(r"(?i)\bdiskusi\b|\bmembahas\b|\bpembahasan\b|\bberfokus\b|\bmenawarkan\b|"
                            r"\bditawarkan\b|\bprioritas\b|\bdiscuss(?:ed|ion|ions)?\b|\bfocus(?:ed)?\b|"
                            r"\boffer(?:ed|s)?\b|\bplatform for\b|\bpropos(?:e|ed|es|al)\b|\bmengusulkan\b|"
                            r"\binvit(?:e|ed|es)\b|\bmengundang\b|\bmengajak\b|"
                            r"\btertarik (?:pada|dengan|untuk)\b|\bberminat\b|\binterested in\b")
# a speaker saying what the cooperation will cover: "“Kerja sama awal akan kami fokuskan pada …,” ujarnya"
FOCUS_SPEECH_RE = re.compile(r"(?i)\b(?:kerja ?sama|cooperation)\b.{0,40}\b(?:fokus(?:kan)?|difokuskan|"
                             r"focus(?:ed)? on|mencakup|meliputi|will cover)\b")
# an event open to the public for some days: expos, fairs, festivals, a region's culture week
EXPO_RE = re.compile(r"\bExpo\b|\b[Pp]ameran\b|\b[Ee]xhibition\b|\b[Tt]rade [Ff]air\b|\b[Ff]estival\b|"
                     r"\b[A-Z][\w-]* Fair\b|\b[Tt]he fair\b|"  # "the Silk Road Commodities Fair … The fair opened"
                     r"\b[Pp]ekan (?:[Bb]udaya|[Kk]ebudayaan|[Pp]ariwisata)\b|\b[Ww]eek of (?:culture|tourism|food|trade)\b|"
                     r"\b(?:[Cc]ultur(?:e|al)|[Tt]ourism|[Ff]ood|[Tt]rade)(?: and [a-z]+)? [Ww]eek\b|"
                     r"\b(?:opened|opens|closed|closes|membuka|menutup) (?:the|this) (?:week|festival|fair)\b")
# ("the Shenzhen International Seafood and Marine Products Fair": "and" inside, between capitalised words; not a
# building: "the Shanwei Marine Economy Exhibition Hall", "Hechi International Exhibition Center")
_HALL = r"(?!\s+(?:Hall|Centre|Center|Building|Complex|Ground|Grounds)\b)"
EXPO_NAME_RE = re.compile(r"((?:[A-Z0-9][\w&.’'-]*\s+|&\s+|(?<=[a-z]\s)and\s+(?=[A-Z])){1,8})(Expo|Exhibition|Fair)"
                          + _HALL + r"(?:\s+(\d{4}))?")
# a body that is not a government and signs agreements of its own: a college, a university, a hospital
# ("Huanghe Vocational College of Industry", "Universitas Bengkulu", "Politeknik Negeri Ambon")
INSTITUTION_RE = re.compile(r"\b(?:[A-Z][\w'’&-]*\s+(?:(?:[A-Z][\w'’&-]*|and|&)\s+){0,5}(?:College|University|"
                            r"Polytechnic|Hospital|Academy|"
                            r"Institute|School)(?:\s+of(?:\s+(?:and\s+)?[A-Z][\w'’-]*){1,3})?|"
                            # (and schools: "SMK Pariwisata Widya Ubud", "SMA Negeri 1 Kudus")
                            r"(?:Universitas|Politeknik|Akademi|Sekolah Tinggi|Rumah Sakit|RSUD|RSUP|Institut|SMKN?|SMAN?|SMPN?|"
                            r"Sekolah Menengah(?: Kejuruan| Atas| Pertama)?|Madrasah(?: Aliyah)?)"
                            r"(?:\s+(?:[A-Z][\w'’-]*|\d{1,3}(?=\s+[A-Z]))){1,4})")
# who only saw an agreement signed: "Penandatanganan disaksikan …", "witnessed by …", "di hadapan …", "in the
# presence of …"
WITNESS_RE = re.compile(r"(?i)\b(?:disaksikan|menyaksikan|witnessed|witnessing|di hadapan|in the presence of)\b")
# the signing itself as the subject: "Penandatanganan dilakukan oleh …", "The signing was done by …" (the one
# agreement signed in the story, however far on)
THE_SIGNING_RE = re.compile(r"(?i)\bpenandatanganan (?:dilakukan|tersebut|itu|ini|berlangsung|digelar|diadakan)\b|"
                            r"\bthe signing (?:ceremony )?(?:was|took)\b")
SIGNED_IT_RE = re.compile(r"(?i)\b(?:the|this) (?:document|agreement|deal|memorandum|letter)\b|"
                          r"\b(?:dokumen|naskah|kesepakatan|perjanjian) (?:tersebut|itu|ini)\b|"
                          + THE_SIGNING_RE.pattern[4:] + r"|"
                          r"\b(?:ditandatangani|diteken) oleh\b|\bsigned by\b|\bsigned (?:it )?(?:for|on behalf of)\b|"
                          # the agreement by its short name ("PKS diteken Ketua …"; not the party PKS: it signs nothing)
                          r"\bPKS\s+(?:(?:itu|tersebut|ini)\s+)?(?:ditandatangani|diteken)\b")
SIMILAR_RE = re.compile(r"(?i)\bkerja ?sama (?:yang )?serupa\b|\bsimilar (?:cooperation|ties|partnerships?|"
                         r"arrangements?|agreements?)\b")
UNNAMED_RE = re.compile(r"(?i)\b(?:dengan|with)\s+(?:sejumlah|beberapa|several|some|a number of|various)\s+"
                         r"(?:\w+\s+){1,2}?(?:di|in|of)\s+")
# a place the text measures a distance from, which is neither a party nor where anything happened: "di tengah
# kampung tua yang berjarak sekitar 55 kilometer dari Ibu Kota Provinsi Sichuan di Chengdu", "about 40 km from X"
FAR_FROM_RE = re.compile(r"(?i)(?:\bberjarak\b|\bsejauh\b|\b\d[\d.,]*\s*(?:km|kilometers?|kilometres?|miles?)\b)"
                         r"[^,.;]{0,40}?\b(?:dari|from)\b[^,;]{0,50}\Z")
IN_RE = re.compile(r"(?:\bdi|\bin|\bat)\s+$")
COOPERATION_RE = re.compile(r"(?i)kerja ?sama|kolaborasi|kemitraan|bidang|sektor|cooperat(?:e|es|ion)\b|collaborat|"
                             r"partnership|sectors?\b|fields?\b|mencakup|meliputi|focus|fokus|\bcover(?:s|ed|ing)?\b|"
                             # "Both sides agreed to deepen exchanges in culture, …"
                             r"\bagreed to\b|\bsepakat\b|\bexchanges? (?:in|on)\b")

SECTORS = {  # notation -> keywords (matched case-insensitively, longest first)
    "tourism": ["pariwisata", "wisata", "wisatawan", "tourism", "tourist"],
    "culture": ["budaya", "kebudayaan", "culture", "cultural", "kesenian"],
    "creative-economy": ["ekonomi kreatif", "industri kreatif", "creative economy", "creative industr"],
    "msme": ["UMKM", "UKM", "usaha mikro", "usaha kecil", "MSME", "MSMEs", "SMEs", "SME", "small and medium",
             "small businesses"],
    "human-resources": ["sumber daya manusia", "sumberdaya manusia", "SDM", "human resource", "human capital",
                        "pelatihan", "peningkatan kapasitas", "training", "capacity building"],
    "education": ["pendidikan", "education", "universitas", "university", "beasiswa", "scholarship"],
    "student-exchange": ["pertukaran pelajar", "pertukaran mahasiswa", "student exchange"],
    "vocational-education": ["pendidikan vokasi", "vokasi", "vocational education", "vocational training",
                             "sekolah kejuruan", "SMK", "vocational school", "vocational schools", "politeknik",
                             "vocational", "magang industri", "industrial internship", "industrial internships"],
    "manufacturing": ["manufaktur", "manufacturing"],
    "fisheries": ["perikanan", "fisheries", "fishery", "nelayan", "fishermen", "fishing", "hasil laut", "seafood", "tuna", "skipjack",
                  "cakalang", "dried fish", "ikan kering"],
    "agriculture": ["pertanian", "agriculture", "agricultural", "perkebunan", "plantation", "kopi", "coffee",
                    # a crop's processing after the harvest is farming, not industry
                    "pengolahan pascapanen", "pascapanen", "pasca panen", "post-harvest", "postharvest",
                    "agricultural processing", "pengolahan hasil pertanian",
                    "kakao", "cocoa", "hortikultura", "horticulture", "ketahanan pangan", "food security", "farming",
                    "farmers", "petani", "padi", "sawah", "rice farm", "rice field", "farms",
                    "tanaman pangan", "food crops", "kelapa sawit", "palm oil", "orchard", "orchards",
                    "kelompok tani", "farmer group", "farmers' group", "tanaman hias", "ornamental plant",
                    "florikultura", "floriculture", "horticultural"],
    "e-commerce": ["e-commerce", "perdagangan elektronik", "perdagangan daring", "online trade", "online sales",
                   "penjualan daring", "marketplace"],
    "artificial-intelligence": ["kecerdasan buatan", "artificial intelligence"],
    "digital-technology": ["teknologi digital", "digital technology", "digitalisasi", "digitalisation"],
    "technology": ["teknologi", "technology", "technologies", "mekanisasi", "mechanise", "mechanize",
                   "mechanisation", "mechanization", "alat mesin pertanian"],
    "green-technology": ["teknologi hijau", "teknologi ramah lingkungan", "green technology", "energi terbarukan",
                         "renewable energy", "energi surya", "tenaga surya", "solar energy", "solar power",
                         "biomassa", "biomass", "energi bersih", "clean energy"],
    "smart-city": ["smart city", "smart cities", "kota cerdas", "kota pintar"],
    "urban-planning": ["tata kota", "perencanaan kota", "urban planning", "tata ruang"],
    "investment": ["investasi", "investment", "penanaman modal", "investor"],
    "trade": ["perdagangan", "trade", "dagang", "pedagang", "traders", "merchants", "buyers"],
    "export": ["ekspor", "export"],
    "logistics": ["logistik", "logistics", "pelabuhan", "seaport", "port development", "port cooperation", "shipping", "pelayaran", "kargo", "cargo", "peti kemas", "container",
                  "port operations", "pengelolaan pelabuhan", "cold storage", "cold chain", "rantai dingin",
                  "gudang pendingin"],
    "economy": ["kerja sama ekonomi", "kerjasama ekonomi", "bidang ekonomi", "sektor ekonomi", "potensi ekonomi",
                "pertumbuhan ekonomi", "pembangunan ekonomi", "economic cooperation", "economic ties",
                "economic growth", "economic development", "economic potential"],
    "industry": ["kerja sama industri", "sektor industri", "kawasan industri", "pengembangan industri", "industri",
                 "hilirisasi", "downstream", "pengolahan", "processing", "industrial",
                 "industrial cooperation", "industrial sector", "industrial estate", "industrial park"],
    "employment": ["lapangan kerja", "ketenagakerjaan", "tenaga kerja", "employment", "jobs"],
    "legal-exchange": ["pertukaran pandangan hukum", "pertukaran hukum", "legal exchange"],
    "information-exchange": ["pertukaran informasi", "information exchange", "exchange of information"],
    "people-to-people": ["antarmasyarakat", "antar masyarakat", "people-to-people", "people to people",
                         "konektivitas masyarakat", "kemanusiaan", "humanitarian", "bakti sosial", "charity",
                         "gratis bagi", "free of charge"],
    "knowledge-transfer": ["bertukar pengetahuan", "transfer pengetahuan", "alih pengetahuan",
                           "berbagi pengalaman", "knowledge transfer", "share knowledge", "sharing experience",
                           "alih teknologi", "transfer teknologi", "technology transfer", "know-how", "studi banding",
                           "study visit", "belajar dari", "learn from", "berbagi keterampilan", "share their skills",
                           "share skills"],
}
# words with a sector's keyword in them that name no field: a town described ("Zhenjiang, an industrial city")
NOT_SECTOR_RE = re.compile(r"(?i)(?<![\w-])(?:industrial (?:city|town|hub|centre|center|heartland)|kota industri)\b")
# (the longest keyword first: "agricultural processing" before "agricultural", leaving no "processing" behind)
SECTOR_RE = [(n, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(ks, key=len, reverse=True))
                            + r")", 0 if n in ("msme", "human-resources") else re.IGNORECASE))
              for n, ks in SECTORS.items()]

MONTHS = {m: i for i, names in enumerate([
    ("Januari", "January", "Jan"), ("Februari", "February", "Feb"), ("Maret", "March", "Mar"),
    ("April", "Apr"), ("Mei", "May"), ("Juni", "June", "Jun"), ("Juli", "July", "Jul"),
    ("Agustus", "August", "Agu", "Aug"), ("September", "Sept", "Sep"), ("Oktober", "October", "Okt", "Oct"),
    ("November", "Nov"), ("Desember", "December", "Des", "Dec")], start=1) for m in names}
WEEKDAYS = {"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4, "Sabtu": 5, "Minggu": 6,
            "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
WEEKDAY_NOTATION = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# An organisation of which a region has one, named by its kind and the region it serves (its seat):
# "DPRD Sumbar", "DPRD Provinsi Sumatera Barat", "West Sumatra Provincial Legislature" and "the West Sumatra
# legislature" are one legislature, whatever language names it. Group 'rank' is the region's rank word.
_RANK_WORDS = r"(?P<rank>Provinsi|Prov\.|Kota|Kabupaten|Kab\.|[Pp]rovincial|[Cc]ity|[Mm]unicipal|[Rr]egency|[Rr]egional)"
SEAT_RES = {
    "Legislature": [
        re.compile(r"(?:DPRD|Dewan Perwakilan Rakyat Daerah|Kongres Rakyat|Kongres Rakyat Daerah)(?:\s+"
                   + _RANK_WORDS + r")?\s+(?P<region>.+)"),
        re.compile(r"(?:[Tt]he\s+)?(?P<region>.+?)(?:\s+" + _RANK_WORDS + r")?\s+(?i:legislature|legislative council|"
                   r"(?:local |regional )?people's congress|people's council|parliament|house of representatives|"
                   r"regional representative council)"),
    ],
    "LocalGovernment": [
        re.compile(r"(?:Pemerintah|Pemprov|Pemkot|Pemkab)(?:\s+" + _RANK_WORDS + r")?\s+(?P<region>.+)"),
        re.compile(r"(?:[Tt]he\s+)?(?P<region>.+?)(?:\s+" + _RANK_WORDS + r")?\s+(?i:government|administration)"),
    ],
}
SEAT_RANKS = {"Provinsi": "Province", "Prov.": "Province", "Provincial": "Province", "Kota": "City",
              "City": "City", "Municipal": "City", "Kabupaten": "Regency", "Kab.": "Regency", "Regency": "Regency"}

# the kind of an organisation, from a word of its name (first rule that matches)
ORGANISATION_WORDS = [
    (r"Kementerian|Ministry", "Ministry"),
    (r"Dinas|Badan|Agency|Office|Kantor|Bureau|Biro|Bagian|Department|Departemen", "GovernmentAgency"),
    (r"DPRD|Dewan Perwakilan|Council of Representatives|Parliament|[Ll]egislature|[Ll]egislative [Cc]ouncil|"
     r"People's Congress|People's Council|Kongres Rakyat", "Legislature"),
    (r"Business|Chamber|Kamar Dagang|Kadin", "BusinessAssociation"),
    (r"Center|Centre|Institute|Institut|Studies|Research|Lembaga Kajian", "ResearchInstitute"),
    (r"Perhimpunan|Perkumpulan|Paguyuban|Association|Asosiasi|Ikatan", "Association"),
    (r"Pemerintah|Government", "LocalGovernment"), (r"Committee|Komite|Panitia", "Committee"),
    (r"\b(?:PT|Tbk|Group|Company|Corp|Co|Ltd|Inc)\b", "Company")]


def org_type(name: str) -> str:
    for pattern, type_name in ORGANISATION_WORDS:
        if re.search(pattern, name):
            return type_name
    return "Organisation"
