//! Who the demonstration holds: one account per role, a second Delegation officer who
//! records payments (SOD-01), the evaluation committee, and the applicant organisations
//! with their members (owner, editor, reader).

use crate::domain::access::Role;
use crate::i18n::Lang;

/// (role, email, name, password) of the demonstration's accounts, one per role.
pub const DEMO_USERS: [(Role, &str, &str, &str); 5] = [
    (
        Role::Admin,
        "admin@demo.grants.kz",
        "Aliya Sarsenova",
        "caspian sunrise over aktau 4417",
    ),
    (
        Role::Delegation,
        "delegation@demo.grants.kz",
        "Marco Bianchi",
        "blue flag with golden stars 2291",
    ),
    (
        Role::Evaluator,
        "evaluator@demo.grants.kz",
        "Yerlan Abenov",
        "a careful reader of proposals 5830",
    ),
    (
        Role::Auditor,
        "auditor@demo.grants.kz",
        "Ingrid Larsen",
        "every record kept seven years 1164",
    ),
    (
        Role::Applicant,
        "applicant@demo.grants.kz",
        "Gulnara Tulegenova",
        "clean water for kyzylorda villages 7702",
    ),
];

/// The Delegation's finance officer: records the payments the programme manager's
/// report approvals release (SOD-01 keeps the two apart).
pub const FINANCE: (Role, &str, &str, &str) = (
    Role::Delegation,
    "finance@demo.grants.kz",
    "Saule Dzhaksybekova",
    "payment orders checked twice 3308",
);

/// The committee's password (one for all its members, to keep the printout short).
pub const COMMITTEE_PASSWORD: &str = "an impartial reading of every proposal 6150";

/// A seat on the committees of the demonstration's calls (EVC-01): email, name, seat.
/// `evaluator@demo.grants.kz` (of `DEMO_USERS`) sits as the first voting evaluator.
pub const COMMITTEE: [(&str, &str, &str); 6] = [
    ("chair@demo.grants.kz", "Aizhan Nurpeisova", "chair"),
    ("secretary@demo.grants.kz", "Timur Kassymov", "secretary"),
    ("olga.petrenko@demo.grants.kz", "Olga Petrenko", "evaluator"),
    (
        "bauyrzhan.omarov@demo.grants.kz",
        "Bauyrzhan Omarov",
        "evaluator",
    ),
    (
        "dana.zhumabayeva@demo.grants.kz",
        "Dana Zhumabayeva",
        "replacement",
    ),
    ("observer@demo.grants.kz", "Nurlan Sadykov", "observer"),
];

/// The password of every organisation account but the demo applicant's own.
pub const ORGANISATION_PASSWORD: &str = "steppe villages and open budgets 4862";

/// An applicant organisation as the demonstration registers it.
#[derive(Debug)]
pub struct Organisation {
    /// Short key the scenarios use.
    pub key: &'static str,
    pub legal_name: &'static str,
    /// The name in Kazakh (or Russian) as registered.
    pub local_name: &'static str,
    pub acronym: &'static str,
    pub legal_status: &'static str,
    pub oblast: &'static str,
    pub address: &'static str,
    /// The owner's account: email, name, language.
    pub owner: (&'static str, &'static str, Lang),
    /// What it works on, for its proposals.
    pub topic: &'static str,
    pub place: &'static str,
}

const fn org(
    key: &'static str,
    names: (&'static str, &'static str, &'static str),
    legal_status: &'static str,
    oblast: &'static str,
    address: &'static str,
    owner: (&'static str, &'static str, Lang),
    topic: (&'static str, &'static str),
) -> Organisation {
    Organisation {
        key,
        legal_name: names.0,
        local_name: names.1,
        acronym: names.2,
        legal_status,
        oblast,
        address,
        owner,
        topic: topic.0,
        place: topic.1,
    }
}

/// The organisations, lot 1 (pilot oblasts) first, then lot 2 (national level).
pub const ORGANISATIONS: [Organisation; 15] = [
    org(
        "kcwa",
        (
            "Kyzylorda Clean Water Association",
            "«Қызылорда таза су» қауымдастығы",
            "KCWA",
        ),
        "ngo",
        "kyzylorda",
        "Kyzylorda, Abai avenue 31",
        ("applicant@demo.grants.kz", "Gulnara Tulegenova", Lang::En),
        (
            "safe drinking water run by village councils",
            "villages of the Aral district",
        ),
    ),
    org(
        "myic",
        (
            "Mangystau Youth Initiatives Centre",
            "«Маңғыстау жастар бастамалары» орталығы",
            "MYIC",
        ),
        "ngo",
        "mangystau",
        "Aktau, 14th microdistrict, building 5",
        (
            "youth.centre@demo.grants.kz",
            "Arman Dzhumagaliyev",
            Lang::Kk,
        ),
        (
            "youth councils taking part in local budgets",
            "Aktau and Zhanaozen",
        ),
    ),
    org(
        "aktau",
        ("Akimat of Aktau city", "Ақтау қаласының әкімдігі", "AKA"),
        "local_authority",
        "mangystau",
        "Aktau, 7th microdistrict, akimat building",
        ("akimat.aktau@demo.grants.kz", "Yelena Kim", Lang::Ru),
        (
            "a one-stop public service desk in every district",
            "the city of Aktau",
        ),
    ),
    org(
        "ekrwu",
        (
            "East Kazakhstan Rural Women's Union",
            "«Шығыс Қазақстан ауыл әйелдері одағы»",
            "EKRWU",
        ),
        "ngo",
        "east_kazakhstan",
        "Ust-Kamenogorsk, Kazakhstan street 64",
        ("rural.women@demo.grants.kz", "Zhanar Mukhametova", Lang::Kk),
        (
            "small businesses of rural women",
            "the Altai and Zaisan districts",
        ),
    ),
    org(
        "ukes",
        (
            "Ust-Kamenogorsk Ecological Society",
            "«Өскемен экологиялық қоғамы»",
            "UKES",
        ),
        "ngo",
        "east_kazakhstan",
        "Ust-Kamenogorsk, Ordzhonikidze street 12",
        ("eco.society@demo.grants.kz", "Sergey Volkov", Lang::Ru),
        ("public monitoring of air quality", "Ust-Kamenogorsk"),
    ),
    org(
        "asfc",
        (
            "Aral Sea Fishermen Support Foundation",
            "«Арал балықшыларын қолдау» қоры",
            "ASFSF",
        ),
        "ngo",
        "kyzylorda",
        "Aralsk, Makhambet street 3",
        (
            "aral.fishermen@demo.grants.kz",
            "Nurzhan Abdrakhmanov",
            Lang::Kk,
        ),
        (
            "fishing cooperatives of the Small Aral",
            "the Aral district",
        ),
    ),
    org(
        "zcdf",
        (
            "Zhanaozen Community Development Fund",
            "«Жаңаөзен қауымдастығын дамыту» қоры",
            "ZCDF",
        ),
        "ngo",
        "mangystau",
        "Zhanaozen, Shanyrak microdistrict 22",
        (
            "zhanaozen.fund@demo.grants.kz",
            "Aigul Baimukhanova",
            Lang::Ru,
        ),
        ("community centres run by residents", "Zhanaozen"),
    ),
    org(
        "slgi",
        (
            "Semey Local Governance Institute",
            "Семей жергілікті басқару институты",
            "SLGI",
        ),
        "research_institute",
        "east_kazakhstan",
        "Semey, Shakarim street 20",
        ("governance.institute@demo.grants.kz", "Pavel Lee", Lang::En),
        (
            "training of rural akims in open budgeting",
            "the districts around Semey",
        ),
    ),
    org(
        "kazaly",
        ("Kazaly District Akimat", "Қазалы ауданының әкімдігі", "KDA"),
        "local_authority",
        "kyzylorda",
        "Aiteke Bi, Zhankozha Batyr street 1",
        (
            "akimat.kazaly@demo.grants.kz",
            "Kairat Yesmagambetov",
            Lang::Kk,
        ),
        (
            "street lighting in rural settlements",
            "the Kazaly district",
        ),
    ),
    org(
        "beineu",
        (
            "Beineu Pastoralists Association",
            "«Бейнеу малшылары» қауымдастығы",
            "BPA",
        ),
        "ngo",
        "mangystau",
        "Beineu, Tauelsizdik street 8",
        ("pastoralists@demo.grants.kz", "Serik Utegenov", Lang::Kk),
        ("pasture councils and water points", "the Beineu district"),
    ),
    org(
        "caspian",
        (
            "Caspian Coast Volunteers",
            "«Каспий жағалауы еріктілері»",
            "CCV",
        ),
        "ngo",
        "mangystau",
        "Aktau, 3rd microdistrict 11",
        (
            "caspian.volunteers@demo.grants.kz",
            "Marina Sokolova",
            Lang::Ru,
        ),
        ("beach clean-ups with schools", "the Caspian coast"),
    ),
    org(
        "shieli",
        ("Shieli Youth Centre", "Шиелі жастар орталығы", "SYC"),
        "ngo",
        "kyzylorda",
        "Shieli, Kazybek Bi street 4",
        (
            "shieli.youth@demo.grants.kz",
            "Ayan Nurmagambetov",
            Lang::Kk,
        ),
        ("sports grounds built with parents", "the Shieli district"),
    ),
    org(
        "cssc",
        (
            "Civil Society Support Centre of Kazakhstan",
            "Қазақстанның азаматтық қоғамды қолдау орталығы",
            "CSSC",
        ),
        "ngo",
        "national",
        "Astana, Mangilik El avenue 55",
        ("civil.society@demo.grants.kz", "Dinara Akhmetova", Lang::Ru),
        (
            "a national network of public councils",
            "all seventeen oblasts",
        ),
    ),
    org(
        "kalsg",
        (
            "Kazakhstan Association of Local Self-Government",
            "Қазақстан жергілікті өзін-өзі басқару қауымдастығы",
            "KALSG",
        ),
        "ngo",
        "national",
        "Astana, Kabanbai Batyr avenue 15",
        (
            "self.government@demo.grants.kz",
            "Yerzhan Kaliyev",
            Lang::Kk,
        ),
        (
            "citizen budgeting in rural districts",
            "rural districts nationwide",
        ),
    ),
    org(
        "ipp",
        (
            "Institute for Public Policy",
            "Мемлекеттік саясат институты",
            "IPP",
        ),
        "research_institute",
        "national",
        "Almaty, Dostyk avenue 85",
        ("public.policy@demo.grants.kz", "Anna Schmidt", Lang::En),
        (
            "an index of local government openness",
            "every region of Kazakhstan",
        ),
    ),
];

/// The demo applicant's colleagues in the first organisation: its editor and reader.
pub const COLLEAGUES: [(&str, &str, &str, Lang); 2] = [
    (
        "daniyar.seitkali@demo.grants.kz",
        "Daniyar Seitkali",
        "editor",
        Lang::Kk,
    ),
    (
        "madina.omarova@demo.grants.kz",
        "Madina Omarova",
        "reader",
        Lang::Ru,
    ),
];

/// The organisation of `key`.
pub fn organisation(key: &str) -> &'static Organisation {
    ORGANISATIONS
        .iter()
        .find(|o| o.key == key)
        .unwrap_or(&ORGANISATIONS[0])
}

/// A valid Kazakh business identification number (BIN) for the demonstration's `n`-th
/// organisation: registered in 20YY-MM as a legal entity, with its check digit.
pub fn demo_bin(n: usize) -> String {
    let weights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    let weights2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let mut serial = 100 + n as u32 * 7;
    loop {
        let prefix = format!("{:02}{:02}4{:06}", 5 + n % 10, 1 + n % 12, 240_000 + serial);
        let digits: Vec<u32> = prefix.chars().filter_map(|c| c.to_digit(10)).collect();
        let sum = |w: [u32; 11]| digits.iter().zip(w).map(|(d, w)| d * w).sum::<u32>() % 11;
        let mut check = sum(weights1);
        if check == 10 {
            check = sum(weights2);
        }
        if check < 10 {
            return format!("{prefix}{check}");
        }
        serial += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_bin_is_valid_and_unique() {
        let bins: Vec<String> = (0..ORGANISATIONS.len()).map(demo_bin).collect();
        for b in &bins {
            assert_eq!(crate::domain::organisations::check_bin(b), Ok(()), "{b}");
        }
        let mut unique = bins.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), bins.len());
    }

    #[test]
    fn demo_passwords_pass_the_password_rules() {
        let mut all: Vec<(&str, &str, &str)> = DEMO_USERS
            .iter()
            .chain(std::iter::once(&FINANCE))
            .map(|(_, e, n, p)| (*e, *n, *p))
            .collect();
        all.extend(
            COMMITTEE
                .iter()
                .map(|(e, n, _)| (*e, *n, COMMITTEE_PASSWORD)),
        );
        all.extend(
            ORGANISATIONS
                .iter()
                .skip(1)
                .map(|o| (o.owner.0, o.owner.1, ORGANISATION_PASSWORD)),
        );
        all.extend(
            COLLEAGUES
                .iter()
                .map(|(e, n, _, _)| (*e, *n, ORGANISATION_PASSWORD)),
        );
        for (email, name, password) in all {
            let e = crate::domain::account::EmailAddress::parse(email).unwrap();
            assert_eq!(
                crate::domain::account::check_new_password(password, &[e.local_part(), name]),
                Ok(()),
                "{email}"
            );
        }
    }
}
