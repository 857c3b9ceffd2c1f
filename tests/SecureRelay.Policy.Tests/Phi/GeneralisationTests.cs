using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>The classes of mail the blind corpora showed the classifier missing or over-calling, each
/// written here in our own words (never copied from a corpus): a person as the subject of a health
/// statement, mail to or from one person about their own care, and the look-alikes whose health content
/// concerns no identifiable human (an animal, synthetic test records, news about public figures).</summary>
public class GeneralisationTests
{
    private static PhiClassifier Classifier => PolicyTestData.Patient;

    private static Task<Classification> Mail(string from, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return Classifier.ClassifyAsync(message, new MessageEnvelope("sender@test.example", null, 0));
    }

    // Someone else's diagnosis or treatment, told by a friend or relative: the named person is the subject.
    [TestCase("Hey Omar,\n\nQuick update: Theodora has rheumatoid arthritis, they confirmed it Monday. She is pretty shaken.\n")]
    [TestCase("Hi Bea,\n\nI'm writing because my husband started dialysis last month and the evenings are hard.\n")]
    [TestCase("Hola Paco,\n\nMi hermano tiene leucemia y empieza quimioterapia el lunes. Reza por él.\n")]
    [TestCase("Hi Ruth,\n\nFrom what I heard Ignatius was diagnosed with pancreatitis over the weekend.\n")]
    public void SomeoneElsesCondition_InPersonalMail_IsProtected(string text) =>
        Assert.That(Classifier.ClassifyText(text).IsProtected, Is.True, Classifier.ClassifyText(text).ToString());

    // The same vocabulary about people in general or as a possibility: clean.
    [TestCase("Hi Omar,\n\nAnyone whose sister has rheumatoid arthritis is welcome to join the stretching class.\n")]
    [TestCase("Hi Bea,\n\nIf a husband starts dialysis, families often need rides; the county runs a shuttle.\n")]
    [TestCase("Hi Ruth,\n\nNovember is Pancreatitis Awareness Month and the hall is hosting a talk.\n")]
    public void GeneralOrConditionalStatements_StayClean(string text) =>
        Assert.That(Classifier.ClassifyText(text).Verdict, Is.EqualTo(PhiVerdict.Clean), Classifier.ClassifyText(text).ToString());

    // A person writing from their own mailbox about their own care, no name in the text: the address identifies them.
    [TestCase("Wendell Ashby <wendell.ashby@mail.example>", "frontdesk@clinic.example", "tomorrow", "I can't come in tomorrow, my migraines are back and the new inhaler is not helping either.")]
    [TestCase("Odalys Ferreira <odalys.f@mail.example>", "records@clinic.example", "question", "Since the increase I have had nausea every morning. Is that expected with my chemotherapy?")]
    [TestCase("scheduling@imaging.example", "Priscilla Wen <pwen77@mail.example>", "reminder", "Your mammogram is on the 14th at 9:00. Please arrive 15 minutes early.")]
    public async Task OwnCare_ToOrFromOnePerson_IsProtected(string from, string to, string subject, string body)
    {
        var c = await Mail(from, to, subject, body);
        Assert.Multiple(() =>
        {
            Assert.That(c.IsProtected, Is.True, c.ToString());

            // The correspondent is asked only when the text alone would be clean.
            Assert.That(c.Evidence.Select(e => e.Detector).Contains(Correspondent.Name), Is.EqualTo(!Classifier.ClassifyText(body).IsProtected), c.ToString());
        });
    }

    // One person's mailbox, but nothing about their own care: a salon, a job post, a car service; and a role mailbox.
    [TestCase("Wendell Ashby <wendell.ashby@mail.example>", "frontdesk@salon.example", "tomorrow", "Can I move my haircut to 4pm tomorrow? My car is in the shop.")]
    [TestCase("careers@hospital.example", "Priscilla Wen <pwen77@mail.example>", "opening", "We are hiring oncology nurses for the night shift; apply now.")]
    [TestCase("news@pharmacy.example", "list@members.example", "flu season", "Flu shots are available at every store this week, no appointment needed.")]
    public async Task NoOwnCare_StaysClean(string from, string to, string subject, string body)
    {
        var c = await Mail(from, to, subject, body);
        Assert.That(c.Verdict, Is.EqualTo(PhiVerdict.Clean), c.ToString());
    }

    [TestCase("Ana Ruiz <ana.ruiz@mail.example>", true)]
    [TestCase("jorge_mendez81@mail.example", true)]
    [TestCase("Billing Team <billing@clinic.example>", false)]
    [TestCase("noreply@portal.example", false)]
    [TestCase("Nursing Station <nursing@home.example>", false)]
    public void Correspondent_IsPerson(string address, bool person) =>
        Assert.That(Correspondent.IsPerson(MailboxAddress.Parse(address), Classifier.Settings.Lexicon), Is.EqualTo(person));

    // Veterinary mail with a named owner and a pet with a human-sounding name: the patient is an animal.
    [TestCase("Dear Mr. Okonkwo,\n\nThe blood panel for Rufus came back; his kidney values are elevated. Dr. Lim, DVM, recommends a renal diet for your dog and a recheck on 04/02.\n")]
    [TestCase("Hi Delphine,\n\nMittens was spayed this morning and is recovering well. Please pick up your cat after 3pm; the veterinarian prescribed meloxicam 0.5 mg.\n")]
    [TestCase("Estimada Sra. Vidal,\n\nSu perro Bruno tiene una infección de oído. La veterinaria recetó gotas dos veces al día.\n")]
    public void AnimalPatient_IsClean(string text) =>
        Assert.That(Classifier.ClassifyText(text).Verdict, Is.EqualTo(PhiVerdict.Clean), Classifier.ClassifyText(text).ToString());

    // A person's own care that merely mentions a pet, or an assistance animal, stays protected.
    [TestCase("Hi Marguerite,\n\nYour biopsy came back benign. Since you asked: yes, you can walk your dog after the stitches come out.\n")]
    [TestCase("Hi Cornelius,\n\nThe letter from your psychiatrist about your PTSD is on file, so the emotional support dog is approved and the pet fee is waived.\n")]
    public void HumanCare_WithAnAnimalMentioned_IsProtected(string text) =>
        Assert.That(Classifier.ClassifyText(text).IsProtected, Is.True, Classifier.ClassifyText(text).ToString());

    // Stated synthetic records, even in a clinical record format: no person exists.
    [TestCase("Interface test with synthetic data only.\nMSH|^~\\&|LAB|HOSP|EHR|HOSP|202401011200||ORU^R01|1|T|2.5\nPID|1||123456^^^HOSP^MR||TEST^PATIENT||19800101|F\nOBX|1|NM|4548-4^HbA1c^LN||7.9|%|4.0-5.6|H\n")]
    [TestCase("Dear Farid,\n\nFor the sandbox we loaded fictitious records: Patient: Zed Quill, DOB 01/01/1970, dx E11.9, A1c 8.1 %.\n")]
    [TestCase("Hi Noor,\n\nThe demo uses a test patient: Name: Yolanda Test, MRN 0000001, glucose 250 mg/dL.\n")]
    public void SyntheticTestData_IsNotPhi(string text) =>
        Assert.That(Classifier.ClassifyText(text).Verdict, Is.Not.EqualTo(PhiVerdict.Phi), Classifier.ClassifyText(text).ToString());

    // The same record without the statement is PHI.
    [Test]
    public void RealRecord_WithoutSyntheticStatement_IsPhi() =>
        Assert.That(Classifier.ClassifyText("MSH|^~\\&|LAB|HOSP|EHR|HOSP|202401011200||ORU^R01|1|P|2.5\nPID|1||123456^^^HOSP^MR||QUILL^ZED||19800101|F\nOBX|1|NM|4548-4^HbA1c^LN||7.9|%|4.0-5.6|H\n").Verdict,
            Is.EqualTo(PhiVerdict.Phi));

    // Chat about a public figure's illness, reported in the news: about no one the sender can identify to us.
    [TestCase("Hi Gail,\n\nDid you read the article? The prime minister announced he has prostate cancer and will keep working through treatment.\n")]
    [TestCase("Hey Rob,\n\nThat podcast interview with the quarterback about his concussion recovery was wild.\n")]
    [TestCase("Hola Tere,\n\nSalió en las noticias: la cantante dijo en una entrevista que tiene lupus.\n")]
    public void PublicFigureNews_IsClean(string text) =>
        Assert.That(Classifier.ClassifyText(text).Verdict, Is.EqualTo(PhiVerdict.Clean), Classifier.ClassifyText(text).ToString());
}
