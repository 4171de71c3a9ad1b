"""Data for the figures extractor: currencies, scale words, number words, measurement units.

Plain Python literals so importing costs nothing and nothing is read at run time.
"""

from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# --- currencies -----------------------------------------------------------------------------

# Symbols and abbreviations safe to read as money in running prose (before or after a number).
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "Can$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "NT$": "TWD",
    "R$": "BRL",
    "BZ$": "BZD",
    "MX$": "MXN",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "￥": "JPY",
    "₹": "INR",
    "₨": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "₪": "ILS",
    "₡": "CRC",
    "₭": "LAK",
    "₮": "MNT",
    "៛": "KHR",
    "؋": "AFN",
    "₾": "GEL",
    "₿": "XBT",
    "GH₵": "GHS",
    "Tk": "BDT",
    "Rp": "IDR",
    "RM": "MYR",
    "¢": "USD-cent",
}

# ISO 4217 codes (and a few retired ones) read as money when written in capitals next to a number.
ISO_CODES: frozenset[str] = _words(
    """USD EUR GBP JPY CNY RMB INR RUB CHF CAD AUD NZD HKD SGD TWD BRL MXN ZAR KRW TRY SEK NOK
    DKK PLN CZK HUF RON BGN UAH ILS AED SAR QAR KWD OMR BHD JOD EGP PKR BDT LKR NPR IDR MYR THB
    VND PHP NGN KES GHS ARS CLP COP PEN UYU ISK HRK RSD BYN KZT UZS AZN GEL AMD IRR IQD LBP MAD
    TND DZD ETB TZS UGX XAF XOF PTE DEM FRF ITL ESP NLG BEF ATS GRD IEP FIM SGD"""
)

# Further ISO 4217 codes, read only in shop-price strings: some ("ALL", "CUP", "TOP", "SOS")
# are English words in capitals, so prose never reads them as money.
MORE_ISO_CODES: frozenset[str] = _words(
    """ALL AFN AOA ANG AWG BAM BBD BIF BMD BND BOB BSD BTN BWP BZD CDF CRC CUP CVE DJF DOP ERN
    FJD FKP GIP GMD GNF GTQ GYD HNL HTG JMD KGS KHR KMF KPW KYD LAK LRD LSL LYD MDL MGA MKD
    MMK MNT MOP MRU MUR MVR MWK MZN NAD NIO PAB PGK PYG RWF SBD SCR SDG SHP SLL SOS SRD SSP
    STN SVC SYP SZL TJS TMT TOP TTD VES VUV WST XCD XPF YER ZMW ZWL BYR VEF LTL LVL EEK SKK
    SIT CYP MTL XAU XAG BTC ETH"""
)

# Currency names written after the number ("5 million dollars", "Rs 5 crore rupees").
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "lira": "TRY",
    "liras": "TRY",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "shekel": "ILS",
    "shekels": "ILS",
    "riyal": "SAR",
    "riyals": "SAR",
    "dirham": "AED",
    "dirhams": "AED",
    "ringgit": "MYR",
    "baht": "THB",
    "rand": "ZAR",
    "naira": "NGN",
    "taka": "BDT",
    "peso": "MXN",
    "pesos": "MXN",
    "franc": "CHF",
    "francs": "CHF",
    "zloty": "PLN",
    "zlotys": "PLN",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "forint": "HUF",
    "koruna": "CZK",
    "rial": "IRR",
    "rials": "IRR",
    "dinar": "IQD",
    "dinars": "IQD",
    "bitcoin": "XBT",
    "bitcoins": "XBT",
    "cent": "USD-cent",
    "cents": "USD-cent",
    "penny": "GBP-penny",
    "pence": "GBP-penny",
    "pennies": "GBP-penny",
}

# Shop-price currency marks (price strings, not prose): wider and more ambiguous.
PRICE_CURRENCIES: dict[str, str] = {
    **CURRENCY_SYMBOLS,
    "US $": "USD",
    "RD$": "DOP",
    "TT$": "TTD",
    "J$": "JMD",
    "EC$": "XCD",
    "Mex$": "MXN",
    "AU $": "AUD",
    "руб.": "RUB",
    "руб": "RUB",
    "р.": "RUB",
    "Р": "RUB",
    "грн.": "UAH",
    "грн": "UAH",
    "Kč": "CZK",
    "zł": "PLN",
    "Ft": "HUF",
    "лв.": "BGN",
    "лв": "BGN",
    "lei": "RON",
    "Lei": "RON",
    "LEI": "RON",
    "TL": "TRY",
    "kr": "SEK",
    "kr.": "SEK",
    "đ": "VND",
    "RM": "MYR",
    "Rp": "IDR",
    "Fr.": "CHF",
    "CHF": "CHF",
    "ƒ": "ANG",
    "Br": "BYN",
    "Nu.": "BTN",
    "KM": "BAM",
    "FCFA": "XAF",
    "Fdj": "DJF",
    "Nfk": "ERN",
    "KD": "KWD",
    "LD": "LYD",
    "MK": "MWK",
    "Rf": "MVR",
    "UM": "MRU",
    "S/.": "PEN",
    "DT": "TND",
    "USh": "UGX",
    "FG": "GNF",
    "GEL": "GEL",
    "جنيه": "EGP",
    "تومان": "IRR",
    "euro": "EUR",
    "euros": "EUR",
    "Euro": "EUR",
}

# --- scale words ---------------------------------------------------------------------------

# Words after a number that multiply it. Indian lakh/crore included.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Single-letter scales only count when glued to a money amount ("$5m", "€10B", "$2.174T").
LETTER_SCALES: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "T": 1e12,
}

# --- number words ----------------------------------------------------------------------------

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}

# --- measurement units -----------------------------------------------------------------------

# Normalised unit name -> surface forms. Forms in ``_CASED`` match case-sensitively (symbols such
# as "MW" vs "mW"); the rest match case-insensitively. Plurals are listed, not guessed.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "kilometre": ("kilometre", "kilometres", "kilometer", "kilometers"),
    "metre": ("metre", "metres", "meter", "meters"),
    "centimetre": ("centimetre", "centimetres", "centimeter", "centimeters"),
    "millimetre": ("millimetre", "millimetres", "millimeter", "millimeters"),
    "nanometre": ("nanometre", "nanometres", "nanometer", "nanometers"),
    "mile": ("mile", "miles"),
    "nautical mile": ("nautical mile", "nautical miles"),
    "foot": ("foot", "feet"),
    "inch": ("inch", "inches"),
    "yard": ("yard", "yards"),
    "square kilometre": (
        "square kilometre",
        "square kilometres",
        "square kilometer",
        "square kilometers",
        "sq km",
    ),
    "square metre": ("square metre", "square metres", "square meter", "square meters", "sq m"),
    "square mile": ("square mile", "square miles", "sq mi"),
    "square foot": ("square foot", "square feet", "sq ft"),
    "cubic kilometre": (
        "cubic kilometre",
        "cubic kilometres",
        "cubic kilometer",
        "cubic kilometers",
    ),
    "cubic metre": ("cubic metre", "cubic metres", "cubic meter", "cubic meters"),
    "acre": ("acre", "acres"),
    "hectare": ("hectare", "hectares"),
    "tonne": ("tonne", "tonnes", "metric ton", "metric tons", "ton", "tons"),
    "kilogram": ("kilogram", "kilograms", "kilo", "kilos"),
    "gram": ("gram", "grams", "gramme", "grammes"),
    "milligram": ("milligram", "milligrams"),
    "pound": ("pound", "pounds"),
    "ounce": ("ounce", "ounces"),
    "litre": ("litre", "litres", "liter", "liters"),
    "millilitre": ("millilitre", "millilitres", "milliliter", "milliliters"),
    "centilitre": ("centilitre", "centilitres", "centiliter", "centiliters"),
    "gallon": ("gallon", "gallons"),
    "barrel": ("barrel", "barrels"),
    "cup": ("cup", "cups"),
    "tablespoon": ("tablespoon", "tablespoons"),
    "teaspoon": ("teaspoon", "teaspoons"),
    "watt": ("watt", "watts"),
    "kilowatt": ("kilowatt", "kilowatts"),
    "megawatt": ("megawatt", "megawatts"),
    "gigawatt": ("gigawatt", "gigawatts"),
    "kilowatt hour": ("kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"),
    "megawatt hour": ("megawatt hour", "megawatt hours", "megawatt-hour", "megawatt-hours"),
    "volt": ("volt", "volts"),
    "kilovolt": ("kilovolt", "kilovolts"),
    "electronvolt": ("electronvolt", "electronvolts", "electron volt", "electron volts"),
    "hertz": ("hertz",),
    "byte": ("byte", "bytes"),
    "bit": ("bit", "bits"),
    "kilobyte": ("kilobyte", "kilobytes"),
    "megabyte": ("megabyte", "megabytes"),
    "gigabyte": ("gigabyte", "gigabytes"),
    "terabyte": ("terabyte", "terabytes"),
    "degree Celsius": (
        "degrees Celsius",
        "degree Celsius",
        "degrees centigrade",
        "°C",
        "ºC",
        "℃",
        "C",
    ),
    "degree Fahrenheit": ("degrees Fahrenheit", "degree Fahrenheit", "°F", "ºF", "℉", "F"),
    "kelvin": ("kelvin", "kelvins"),
    "degree": ("degree", "degrees", "°"),
    "kilometre per hour": ("kilometres per hour", "kilometers per hour", "km/h", "kmph", "kph"),
    "mile per hour": ("miles per hour", "mph"),
    "knot": ("knot", "knots"),
    "metre per second": ("metres per second", "meters per second", "m/s"),
    "calorie": ("calorie", "calories", "kcal"),
    "joule": ("joule", "joules"),
    "decibel": ("decibel", "decibels", "dB"),
    "year": ("year", "years", "yr", "yrs"),
    "month": ("month", "months"),
    "week": ("week", "weeks"),
    "day": ("day", "days"),
    "hour": ("hour", "hours", "hr", "hrs"),
    "minute": ("minute", "minutes", "min", "mins"),
    "second": ("second", "seconds", "sec", "secs"),
    "decade": ("decade", "decades"),
    "century": ("century", "centuries"),
    "millisecond": ("millisecond", "milliseconds", "ms"),
    "kilometre squared": ("km squared",),
    "kilometre cubed": ("km cubed",),
    "tonne per day": ("tpd", "tonnes per day", "tons per day"),
    "barrel per day": ("barrels per day", "bpd", "b/d"),
    "megawatt hour (symbol)": ("MWh",),
    "gigawatt hour": ("GWh", "gigawatt hours", "gigawatt-hours"),
    "kilowatt hour (symbol)": ("kWh",),
    "terawatt hour": ("TWh", "terawatt hours", "terawatt-hours"),
    "teraelectronvolt": ("TeV",),
    "gigaelectronvolt": ("GeV",),
    "megaelectronvolt": ("MeV",),
    "electronvolt (symbol)": ("eV",),
    "gigahertz": ("GHz", "gigahertz"),
    "megahertz": ("MHz", "megahertz"),
    "kilohertz": ("kHz", "kilohertz"),
    "megabyte (symbol)": ("MB",),
    "gigabyte (symbol)": ("GB",),
    "terabyte (symbol)": ("TB",),
    "kilobyte (symbol)": ("KB", "kB"),
    "megabit per second": ("Mbps", "Mbit/s", "Mb/s"),
    "gigabit per second": ("Gbps", "Gbit/s", "Gb/s"),
    "kilometre (symbol)": ("km", "kms"),
    "square kilometre (symbol)": ("km2", "km²", "km^2"),
    "cubic kilometre (symbol)": ("km3", "km³", "km^3"),
    "square metre (symbol)": ("m2", "m²", "sqm"),
    "cubic metre (symbol)": ("m3", "m³"),
    "metre (symbol)": ("m",),
    "centimetre (symbol)": ("cm",),
    "millimetre (symbol)": ("mm",),
    "nanometre (symbol)": ("nm",),
    "mile (symbol)": ("mi",),
    "foot (symbol)": ("ft",),
    "kilogram (symbol)": ("kg", "kgs"),
    "gram (symbol)": ("g",),
    "milligram (symbol)": ("mg",),
    "microgram": ("µg", "μg", "mcg", "microgram", "micrograms"),
    "tonne (symbol)": ("t",),
    "pound (symbol)": ("lb", "lbs"),
    "ounce (symbol)": ("oz",),
    "litre (symbol)": ("l", "L"),
    "millilitre (symbol)": ("ml", "mL"),
    "centilitre (symbol)": ("cl", "cL"),
    "tablespoon (symbol)": ("tbsp",),
    "teaspoon (symbol)": ("tsp",),
    "watt (symbol)": ("W",),
    "kilowatt (symbol)": ("kW",),
    "megawatt (symbol)": ("MW",),
    "gigawatt (symbol)": ("GW",),
    "volt (symbol)": ("V",),
    "kilovolt (symbol)": ("kV",),
    "hertz (symbol)": ("Hz",),
    "kelvin (symbol)": ("K",),
    "inch (symbol)": ("in",),
    "hectare (symbol)": ("ha",),
    "pascal": ("pascal", "pascals", "Pa"),
    "kilopascal": ("kilopascal", "kilopascals", "kPa"),
    "hectopascal": ("hectopascal", "hectopascals", "hPa"),
    "pound per square inch": ("psi", "pounds per square inch"),
    "atmosphere": ("atm", "atmosphere", "atmospheres"),
    "millimetre of mercury": ("mmHg",),
    "millibar": ("millibar", "millibars", "mbar"),
    "part per million": ("ppm", "parts per million"),
    "part per billion": ("ppb", "parts per billion"),
    "ampere": ("amp", "amps", "ampere", "amperes"),
    "milliampere hour": ("mAh",),
    "ohm": ("ohm", "ohms", "Ω"),
    "newton": ("newton", "newtons"),
    "kilojoule": ("kilojoule", "kilojoules", "kJ"),
    "megajoule": ("megajoule", "megajoules", "MJ"),
    "terawatt": ("terawatt", "terawatts", "TW"),
    "milliwatt": ("milliwatt", "milliwatts", "mW"),
    "watt hour": ("watt hour", "watt hours", "watt-hour", "watt-hours", "Wh"),
    "horsepower": ("horsepower", "hp", "bhp"),
    "revolution per minute": ("rpm",),
    "light year": ("light year", "light years", "light-year", "light-years"),
    "parsec": ("parsec", "parsecs"),
    "astronomical unit": ("astronomical unit", "astronomical units"),
    "micrometre": (
        "micrometre",
        "micrometres",
        "micrometer",
        "micrometers",
        "micron",
        "microns",
        "µm",
        "μm",
    ),
    "picometre": ("picometre", "picometres", "picometer", "picometers"),
    "pint": ("pint", "pints"),
    "quart": ("quart", "quarts"),
    "fluid ounce": ("fluid ounce", "fluid ounces", "fl oz"),
    "bushel": ("bushel", "bushels"),
    "carat": ("carat", "carats", "karat", "karats"),
    "cubic foot": ("cubic foot", "cubic feet", "cu ft"),
    "cubic centimetre": (
        "cubic centimetre",
        "cubic centimetres",
        "cubic centimeter",
        "cubic centimeters",
        "cc",
        "cm3",
        "cm³",
    ),
    "square centimetre": (
        "square centimetre",
        "square centimetres",
        "square centimeter",
        "square centimeters",
        "cm2",
        "cm²",
    ),
    "square inch": ("square inch", "square inches", "sq in"),
    "kilotonne": ("kiloton", "kilotons", "kilotonne", "kilotonnes", "kt"),
    "megatonne": ("megaton", "megatons", "megatonne", "megatonnes", "Mt"),
    "gigatonne": ("gigaton", "gigatons", "gigatonne", "gigatonnes", "Gt"),
    "petabyte": ("petabyte", "petabytes", "PB"),
    "gigabit": ("gigabit", "gigabits", "Gb"),
    "megabit": ("megabit", "megabits", "Mb"),
    "kilobit per second": ("kbps", "kb/s", "kbit/s"),
    "megapixel": ("megapixel", "megapixels", "MP"),
    "pixel": ("pixel", "pixels", "px"),
    "frame per second": ("fps", "frames per second"),
    "mole": ("mole", "moles", "mol"),
    "millimole": ("millimole", "millimoles", "mmol"),
    "nanosecond": ("nanosecond", "nanoseconds", "ns"),
    "microsecond": ("microsecond", "microseconds", "µs", "μs"),
    "millennium": ("millennium", "millennia"),
    "fortnight": ("fortnight", "fortnights"),
    "lumen": ("lumen", "lumens", "lm"),
    "lux": ("lux",),
    "candela": ("candela", "candelas", "cd"),
    "radian": ("radian", "radians", "rad"),
    "teraflop": ("teraflop", "teraflops", "TFLOPS"),
    "petaflop": ("petaflop", "petaflops", "PFLOPS"),
    "kilocalorie": ("kilocalorie", "kilocalories"),
    "metric horsepower": ("PS",),
    "gallon per minute": ("gpm", "gallons per minute"),
    "cubic metre per second": (
        "cubic metres per second",
        "cubic meters per second",
        "m3/s",
        "m³/s",
    ),
    "foot per second": ("feet per second", "ft/s"),
    "gram per kilogram": ("g/kg",),
    "metre per second squared": ("m/s2", "m/s²", "m/s^2", "metres per second squared"),
    "newton metre": ("Nm", "newton metres", "newton meters", "newton-metres"),
    "milliampere": ("mA", "milliamp", "milliamps", "milliampere", "milliamperes"),
    "square foot (dotted)": ("sq. ft.", "sq. ft", "sq.ft."),
    "square metre (dotted)": ("sq. m.", "sq. m", "sq.m."),
    "square kilometre (dotted)": ("sq. km.", "sq. km", "sq.km."),
    "square mile (dotted)": ("sq. mi.", "sq. mi", "sq.mi."),
    "milligram per kilogram": ("mg/kg",),
    "milligram per litre": ("mg/l", "mg/L"),
    "microgram per cubic metre": ("µg/m3", "μg/m3", "µg/m³", "μg/m³"),
    "gram per cubic centimetre": ("g/cm3", "g/cm³"),
    "kilogram per cubic metre": ("kg/m3", "kg/m³"),
    "gram per kilometre": ("g/km",),
    "litre per 100 kilometres": ("l/100km", "L/100km", "l/100 km", "L/100 km"),
    "mile per gallon": ("mpg", "miles per gallon"),
    "teraelectronvolt (word)": ("teraelectronvolt", "teraelectronvolts"),
    "inverse second": ("s-1", "s−1", "s^-1"),
    "inverse femtobarn": ("fb-1", "fb−1", "fb^-1"),
}


def unit_forms() -> dict[str, str]:
    """Surface form -> normalised unit name (the " (symbol)" suffix dropped)."""
    out: dict[str, str] = {}
    for name, forms in UNIT_WORDS.items():
        clean = name.split(" (")[0]
        for form in forms:
            out[form] = clean
    return out


# Unit forms that must match with their exact case (symbols; "MW" is not "mW").
def is_cased_form(form: str) -> bool:
    """Symbols (short or with capitals/signs) match case-sensitively, words case-insensitively."""
    return len(form) <= 4 or not form.replace(" ", "").replace("-", "").isalpha()


# Short symbols that are also common words or letters: only read as units when the number is
# written in digits and the symbol is followed by a non-letter ("5 m." / "278,000 t").
AMBIGUOUS_SYMBOLS: frozenset[str] = frozenset(
    {
        "m",
        "g",
        "t",
        "l",
        "L",
        "W",
        "V",
        "K",
        "C",
        "F",
        "in",
        "mi",
        "ha",
        "min",
        "sec",
        "ms",
        "yr",
        "hr",
    }
)
# "in" is a unit only when followed by one of these (a dimension adjective) or punctuation.
INCH_FOLLOWERS: frozenset[str] = frozenset(
    {"thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "of"}
)

# --- cue words -------------------------------------------------------------------------------

APPROX_WORDS: tuple[str, ...] = (
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "some",
    "roughly",
    "approximately",
    "approx.",
    "at least",
    "at most",
    "an estimated",
    "estimated",
    "close to",
    "just over",
    "just under",
    "under",
    "above",
    "below",
    "circa",
    "as many as",
    "as much as",
    "upwards of",
    "in excess of",
    "~",
)

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Words after a number that end a count: the number is not counting the following word.
NOT_COUNTED: frozenset[str] = _words(
    """a an the of and or but nor to in on at by for from with without into onto over under
    than then that this these those which who whom whose what when where why how is are was were
    be been being am has have had do does did will would shall should can could may might must
    not no yes per cent percent percentage point times time more less most least other
    others each every all any some such same own as if so too very also just only even still
    again ago later earlier before after during since until till while out up down off about
    above below between among against through across along around behind beyond within upon
    it its it's he she they we you i me him her them us my your his our their there here
    said says say according versus vs via plus minus"""
)
# Nouns ending in "s" that are not plurals.
NOT_PLURAL: frozenset[str] = _words(
    """gas news series species lens bus plus canvas atlas chaos physics politics economics
    mathematics diabetes measles themselves ourselves yourselves always perhaps whereas
    afterwards towards besides"""
)
# Irregular plurals that may be counted (words not ending in "s").
IRREGULAR_PLURALS: frozenset[str] = _words(
    """people children men women police personnel staff cattle mice geese teeth sheep fish
    deer aircraft crew militia infantry livestock clergy"""
)

# Words right before a number that make it a designation ("Article 370", "Flight 17").
DESIGNATION_WORDS = frozenset(
    [
        "article",
        "section",
        "chapter",
        "page",
        "pages",
        "para",
        "paragraph",
        "clause",
        "rule",
        "no",
        "no.",
        "number",
        "version",
        "flight",
        "route",
        "room",
        "platform",
        "gate",
        "line",
        "vol",
        "volume",
        "episode",
        "season",
        "level",
        "grade",
        "class",
        "phase",
        "stage",
        "act",
        "schedule",
        "annex",
        "item",
        "table",
        "figure",
        "fig",
        "exhibit",
        "highway",
        "road",
        "suite",
        "p",
        "pp",
        "ranked",
        "rank",
        "seeded",
        "apt",
        "apartment",
        "prop",
        "proposition",
        "amendment",
        "bill",
        "district",
        "ward",
        "precinct",
        "pier",
        "terminal",
        "unit",
    ]
)

# Lowercase words after which a bare number is an address, time, date or reference, not a count
# ("at 2344", "on 12", "in 5").
BARE_COUNT_STOP: frozenset[str] = _words(
    """at on in since until till by after before during from of vs versus v no number
    a an the this that its his her their our my your per between is are was were be been being
    to and or as magnitude category size"""
)

# "25 bodies a week": periods after "a" that make a rate.
RATE_PERIODS: frozenset[str] = _words("second minute hour day night week month year")
# Time units: "two more years" is a duration even when read as a counted noun.
PERIODS: frozenset[str] = RATE_PERIODS | _words("decade century")

# "one in five", "1 in 20": the round denominators of a share ("24 in 48 balls" is not one).
SHARE_DENOMINATORS: frozenset[float] = frozenset(
    (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 20, 25, 50, 100, 1_000, 1_000_000)
)

# "a 14-station line" counts stations; these words after a hyphen do not count anything.
HYPHEN_NOT_COUNTED: frozenset[str] = _words(
    """old fold odd plus ish something like based related strong long wide high deep tall time
    way sided off up on in out run under over par alpha beta gamma delta"""
)

# "a total of 288", "a crowd of 500": nouns whose "of" introduces a count.
TOTAL_WORDS: frozenset[str] = _words(
    """total majority toll tally sum average maximum minimum crowd margin record peak"""
)

# Vague amounts: "tens of thousands" -> 10 * 1,000; the lower bound of each word.
VAGUE_AMOUNTS: dict[str, float] = {
    "tens": 10,
    "dozens": 24,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}
