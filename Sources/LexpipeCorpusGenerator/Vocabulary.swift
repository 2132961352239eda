/// Words and sentence frames of the generated documents, in the language of CWIG statute
/// summaries and Shared Hope report cards. Nothing here holds a digit next to a citation, a `§`,
/// a tab or markup, so the extractor reads exactly the citations and rows the generator counts.
enum Vocabulary {
    static let summaryTitle = "Responding to Child Victims of Human Trafficking"

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// Section headings: short, capitalized, without end punctuation (as the extractor expects
    /// of a heading written as a paragraph).
    static let headings = [
        "State Agency Responsibilities", "Training Requirement", "Diversion From Prosecution",
        "Services and Supports for Victims", "Support for Anti-Trafficking Efforts", "Definitions",
        "Screening and Assessment", "Reporting Requirements", "Specialized Placement Options", "Safe Harbor Provisions",
        "Multidisciplinary Team Response", "Vacatur of Convictions", "Law Enforcement Responsibilities",
        "Interagency Coordination", "Victim Compensation", "Confidentiality of Records", "Children Missing From Care",
        "Temporary Protective Custody", "Court Proceedings", "Data Collection and Reporting", "Public Awareness Campaigns",
        "Hotline Requirements", "Immunity From Prosecution", "Restitution for Victims", "Civil Remedies",
        "Child Labor Trafficking", "Foster Care Placement", "Case Planning", "Dedicated Funding", "Statewide Task Force",
        "Prevention Education in Schools", "Affirmative Defense", "Juvenile Court Jurisdiction", "Expungement of Records",
        "Forensic Interviews", "Guardian ad Litem Appointments", "Extended Foster Care Services",
        "Runaway and Homeless Youth", "Mandated Reporter Training", "Victim Advocates", "Protective Orders",
        "Statute of Limitations", "Testimony by Closed-Circuit Television", "Privileged Communications",
        "Labor Trafficking Investigations", "Tribal Coordination", "Interstate Compacts",
        "Residential Treatment Standards", "Emergency Shelter Care", "Medical and Mental Health Care",
        "Legal Representation for Victims", "Immigration Relief for Foreign National Victims",
        "Youth Aging Out of Care", "Service Provider Licensing",
    ]

    static let agencies = [
        "The department", "The Department of Children and Family Services", "The State agency", "The division",
        "The Office of the Attorney General", "The Department of Human Services",
        "The statewide human trafficking coordinator", "Each local law enforcement agency",
        "The Department of Public Safety", "The juvenile court", "The State task force on human trafficking",
        "The Department of Health", "Each county department of social services", "The Office for Victims of Crime",
        "The Department of Juvenile Justice", "The Children{R}s Advocacy Center",
    ]

    static let victims = [
        "a child who is a victim of human trafficking", "a sexually exploited child", "a minor who has been trafficked",
        "a child victim of sex trafficking", "a youth identified as a victim of commercial sexual exploitation",
        "a trafficked child", "a child who is or has been trafficked", "a minor subjected to labor trafficking",
        "a child who is suspected of being a victim of sex trafficking", "an alleged child victim of human trafficking",
    ]

    static let victimGroups = [
        "child victims of human trafficking", "sexually exploited children", "trafficked youth",
        "minors who have been trafficked", "children and youth who are victims of sex trafficking",
        "commercially sexually exploited children", "youth at risk of trafficking",
    ]

    static let services = [
        "specialized treatment", "safe and stable housing", "crisis intervention", "trauma-informed counseling",
        "medical and mental health care", "case management", "legal assistance", "educational support",
        "substance use disorder treatment", "transportation", "interpretation services", "family reunification services",
        "emergency shelter", "victim advocacy", "independent living services", "life skills training",
        "vocational training", "dental care",
    ]

    static let professionals = [
        "law enforcement officers", "child protective services workers", "juvenile probation officers", "prosecutors",
        "school personnel", "health-care providers", "judges and court personnel", "foster parents", "caseworkers",
        "emergency room staff", "guardians ad litem", "residential care staff",
    ]

    static let topics = [
        "the indicators of human trafficking", "trauma-informed interviewing techniques",
        "the screening and referral process", "the rights of victims", "available community resources",
        "the dynamics of commercial sexual exploitation", "cultural competency",
        "the reporting obligations of mandated reporters", "the use of validated screening tools", "safety planning",
    ]

    static let terms = [
        "sexually exploited child", "human trafficking", "commercial sexual activity", "victim of trafficking",
        "sex trafficking", "labor trafficking", "trafficking victim", "commercial sex act",
        "severe form of trafficking in persons", "child sex trafficking victim", "abused child", "dependent child",
    ]

    static let definitions = [
        "any person under the age of eighteen who has been subjected to sex trafficking or commercial sexual exploitation",
        "the recruitment, harboring, transportation, provision, or obtaining of a person for the purpose of a commercial sex act",
        "any sexual act on account of which anything of value is given, promised to, or received by any person",
        "a person who has been subjected to an act of human trafficking, whether or not a related criminal action has been commenced",
        "an individual who has been subjected to forced labor or services through force, fraud, or coercion",
        "a child whose parent, guardian, or custodian has subjected the child to trafficking or allowed another person to do so",
        "a child who has been induced to perform a commercial sex act, without regard to whether force, fraud, or coercion was used",
    ]

    static let times = [
        "within 24 hours", "within 72 hours", "within 30 days", "immediately", "no later than the next business day",
        "within 10 business days", "as soon as practicable",
    ]

    static let placements = [
        "a specialized foster home", "a shelter that serves trafficking victims", "the least restrictive setting available",
        "a residential treatment facility licensed to serve sexually exploited youth", "a safe house",
    ]

    static let funds = [
        "Relief for Victims of Human Trafficking Fund", "Safe Harbor for Exploited Children Fund",
        "Human Trafficking Victim Services Fund", "Child Trafficking Prevention Fund",
    ]

    /// Frames of sentences without citations. `{A}` an agency starting a sentence, `{a}` one
    /// inside it, `{V}` a victim, `{G}` a group of victims, `{S}` a service, `{P}` professionals,
    /// `{O}` a training topic, `{T}` a term, `{D}` a definition, `{W}` a time, `{L}` a placement,
    /// `{F}` a fund, `{Q}` an opening quote, `{q}` a closing quote, `{R}` an apostrophe.
    static let sentences = [
        "{A} shall develop and implement a protocol for the identification and assessment of {V}.",
        "{A} shall provide {V} with access to {S}, {S}, and {S}.",
        "{A} shall report annually to the legislature on the number of {G} identified and the services provided to them.",
        "Any person who has reasonable cause to suspect that {V} is in need of services shall report the matter to {a} {W}.",
        "{A} may enter into agreements with nongovernmental organizations to provide {S} and {S} to {G}.",
        "Training shall include instruction on {O}, {O}, and {O}.",
        "{A} shall ensure that {P} receive training on {O} and {O}.",
        "Information concerning {V} shall be kept confidential and may be disclosed only to the extent necessary to provide {S}.",
        "A multidisciplinary team shall be convened {W} to coordinate the response to {V}.",
        "When {P} encounter {V}, they shall notify {a} {W}.",
        "{A} shall adopt rules to implement the provisions of this section.",
        "Nothing in this section shall be construed to limit the authority of {a} to provide {S}.",
        "A child who is identified as a victim of sex trafficking shall not be adjudicated delinquent for an offense of prostitution.",
        "The individuals defined above are eligible for the same child protective services as any other abused or neglected child.",
        "At any time after a conviction, the court in which the conviction was entered may, upon appropriate motion, vacate the conviction if the court finds that the defendant{R}s participation in the offense was the result of having been {V}.",
        "Official documentation from a Federal, State, or local government agency as to the defendant{R}s status as a victim creates a presumption that the participation was a result of being a victim.",
        "There is hereby created in the State Treasury a special fund to be known as the {F}.",
        "The fund shall be used solely for programs designed to assist {G} and to conduct training on human trafficking for {P} and {P}.",
        "When {V} is taken into protective custody, {a} shall place the child in {L}.",
        "{A} shall screen each child who is reported missing from care to determine whether the child is a victim of sex trafficking.",
        "A case plan for {V} must address the child{R}s safety, permanency, and well-being.",
        "{A} shall collect data on {G} and make the data available to the public in aggregate form.",
        "The task force shall include representatives of {P}, {P}, and {P}.",
        "A victim may bring a civil action against the perpetrator for actual damages, compensatory damages, punitive damages, and attorney{R}s fees.",
        "The statute of limitations for such an action does not begin to run until the victim reaches the age of majority.",
        "It is an affirmative defense to a charge of prostitution that the defendant was {V} at the time of the offense.",
        "{A} shall establish a toll-free hotline through which reports of suspected human trafficking may be made at any time.",
        "Records relating to the adjudication of {V} may be expunged upon petition to the court.",
        "The term {Q}{T}{q} means {D}.",
        "For purposes of this section, the term {Q}{T}{q} includes {D}.",
        "{A} shall coordinate with {a} to ensure that {G} receive {S} without delay.",
        "A law enforcement officer who takes {V} into custody shall, {W}, refer the child to {a}.",
        "The court shall consider the recommendations of the multidisciplinary team before ordering {S} for {V}.",
        "{A} shall make reasonable efforts to locate any child missing from foster care and to determine the child{R}s experiences while absent from care.",
        "All {P} shall complete an approved course on {O} before assuming their duties.",
        "The services described in this section may include {S}, {S}, {S}, and {S}.",
        "{A} may apply for and accept gifts, grants, and donations to support {S} for {G}.",
        "A sexually exploited child may be placed in {L} pending a dispositional hearing.",
    ]

    /// Frames with a citation: `{C}` stands at the end of the sentence or before a comma.
    static let citingSentences = [
        "The term {Q}{T}{q} has the meaning given in {C}.",
        "The acts described in {C} must be reported to {a}.",
        "{A} shall comply with the requirements of {C}.",
        "A child described in {C} is eligible for {S}.",
        "Services are provided as defined in {C}.",
        "Under {C}, {a} shall provide {S} to {V}.",
        "This provision applies to any offense listed in {C}.",
        "Reports are handled under {C}.",
        "The procedures set out in {C} apply to {G}.",
        "Such a child is a dependent child within the meaning of {C}.",
        "Immunity from prosecution extends to {G}, as provided in {C}.",
        "As required by {C}, {a} shall screen {V} for trafficking.",
    ]

    /// What a section that describes nothing lacks, and the verb that agrees with it.
    static let absentThings: [(noun: String, verb: String)] = [
        ("training", "is"), ("services", "are"), ("provisions", "are"), ("protocol", "is"), ("funding", "is"),
        ("requirement", "is"), ("screening tool", "is"), ("placement option", "is"), ("procedures", "are"),
        ("data collection", "is"),
    ]

    static let absentSubjects = [
        "child victims of human trafficking", "human or sex trafficking", "commercially sexually exploited children",
        "youth who have been trafficked", "labor trafficking of minors", "a child trafficking victim",
        "trafficked children in foster care", "foreign national child victims",
    ]

    // MARK: Report cards

    static let cardFramework = "Report Card on Child & Youth Sex Trafficking"

    static let issueNames = [
        "Criminal Provisions",
        "Identification of and Response to Victims",
        "Continuum of Care",
        "Access to Justice for Trafficking Survivors",
        "Tools for a Victim-Centered Criminal Justice Response",
        "Prevention and Training",
    ]

    /// Maximum score of each issue, in half points (17.5, 27.5, 15, 15, 10, 15).
    static let issueMaxHalves = [35, 55, 30, 30, 20, 30]

    /// The name of Shared Hope's framework of 2011-2019.
    static let challengeFramework = "Protected Innocence Challenge"

    /// The Challenge's six areas of law.
    static let challengeAreaNames = [
        "Criminalization of Domestic Minor Sex Trafficking",
        "Criminal Provisions Addressing Demand",
        "Criminal Provisions for Traffickers",
        "Criminal Provisions for Facilitators",
        "Protective Provisions for the Child Victims",
        "Criminal Justice Tools for Investigation and Prosecutions",
    ]

    /// Points possible in each area, in half points (10, 25, 15, 10, 27.5, 15: 102.5 in all).
    static let challengeAreaMaxHalves = [20, 50, 30, 20, 55, 30]

    /// Policy areas of each issue, as highlights name them.
    static let policyAreas: [[String]] = [
        [
            "buyer and trafficker accountability under state CSEC laws", "mistake of age defenses", "decoy defenses",
            "business entity liability under the trafficking law", "financial penalties",
            "buyer accountability under the trafficking law", "trafficker accountability under the trafficking law",
            "sex trafficking definitions",
        ],
        [
            "third party control", "non-criminalization for prostitution and sex trafficking offenses",
            "child abuse definitions", "foreign national victims",
            "screening through child welfare and the juvenile justice system", "expanded non-criminalization",
            "juvenile court jurisdiction", "non-familial trafficking cases", "law enforcement response protocols",
        ],
        [
            "services through a non-punitive system", "MDT responses", "services through the juvenile justice system",
            "extended foster care services", "appropriations", "community-based services", "specialized placements",
        ],
        [
            "civil remedies", "civil orders of protection", "crime victims{R} compensation", "vacatur", "restitution",
            "statutes of limitation", "expungement",
        ],
        [
            "victim supports", "privileged communications", "hearsay exceptions",
            "alternatives to live, in-court testimony", "victim-witness confidentiality",
        ],
        [
            "training for child welfare", "training for law enforcement", "training for juvenile justice agencies",
            "training for prosecutors", "training for school personnel", "prevention education in schools",
        ],
    ]

    static let protections = [
        "civil remedies", "privileged communications", "crime victims{R} compensation", "vacatur",
        "services through a non-punitive system", "child abuse definitions", "MDT responses", "hearsay exceptions",
        "restitution", "juvenile court jurisdiction",
    ]
}
