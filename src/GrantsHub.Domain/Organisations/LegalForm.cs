namespace GrantsHub.Domain.Organisations;

public enum LegalForm
{
    RegisteredCharity,
    CharitableIncorporatedOrganisation,
    CommunityInterestCompany,
    CompanyLimitedByGuarantee,
    UnincorporatedGroup,
}

public enum IncomeBand
{
    Under10k,
    From10kTo50k,
    From50kTo100k,
    From100kTo250k,
    From250kTo1m,
    Over1m,
}
