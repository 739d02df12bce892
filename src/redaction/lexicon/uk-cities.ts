/**
 * UK cities and large towns (faker's en_GB locale generates town names instead of listing real
 * ones). The UK's 76 cities with city status plus the largest towns; lower case.
 */
export const UK_CITIES: readonly string[] = `
aberdeen armagh bangor bath belfast birmingham bradford brighton bristol cambridge canterbury
cardiff carlisle chelmsford chester chichester colchester coventry derby doncaster dundee durham
edinburgh ely exeter glasgow gloucester hereford inverness hull lancaster leeds leicester lichfield
lincoln lisburn liverpool london londonderry derry manchester milton keynes newcastle newport
norwich nottingham oxford perth peterborough plymouth portsmouth preston ripon salford salisbury
sheffield southampton southend stirling stoke sunderland swansea truro wakefield wells westminster
winchester wolverhampton worcester wrexham york reading luton bournemouth swindon middlesbrough
huddersfield blackpool bolton stockport slough ipswich warrington croydon harrogate cheltenham
basingstoke watford guildford maidstone crawley poole telford northampton
`
  .split(/\s+/)
  .filter(Boolean)
  .concat(['milton keynes', 'stoke on trent', 'newcastle upon tyne', 'st albans', 'st davids']);
