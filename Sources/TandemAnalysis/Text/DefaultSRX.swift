/// Tandem's default SRX 2.0 rule set, written for Tandem: sentence-final punctuation followed by
/// white space breaks, except after common abbreviations, initials and ordinals; CJK full stops
/// break without white space.
enum DefaultSRX {
    static let document = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
         <header segmentsubflows="yes" cascade="yes"/>
         <body>
          <languagerules>
           <languagerule languagerulename="English">
            <rule break="no"><beforebreak>\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|e\.g|i\.e|approx|No|Fig|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.</beforebreak><afterbreak>\s</afterbreak></rule>
           </languagerule>
           <languagerule languagerulename="French">
            <rule break="no"><beforebreak>\b(?:M|MM|Mme|Mlle|Dr|Pr|St|Ste|etc|cf|p\.ex|env|av|apr|J\.-C|n°|p)\.</beforebreak><afterbreak>\s</afterbreak></rule>
           </languagerule>
           <languagerule languagerulename="German">
            <rule break="no"><beforebreak>\b(?:Hr|Fr|Dr|Prof|bzw|ca|d\.h|z\.B|usw|vgl|Nr|Str|u\.a)\.</beforebreak><afterbreak>\s</afterbreak></rule>
            <rule break="no"><beforebreak>\b\d{1,2}\.</beforebreak><afterbreak>\s+\p{L}</afterbreak></rule>
           </languagerule>
           <languagerule languagerulename="Default">
            <rule break="no"><beforebreak>(?:^|\s)\p{Lu}\.</beforebreak><afterbreak>\s</afterbreak></rule>
            <rule break="no"><beforebreak>\.\.\.</beforebreak><afterbreak>\s+\p{Ll}</afterbreak></rule>
            <rule break="yes"><beforebreak>[\.\?!…]+['"\)\]\}’”»]*</beforebreak><afterbreak>\s</afterbreak></rule>
            <rule break="yes"><beforebreak>[。！？]+[」』）]*</beforebreak><afterbreak></afterbreak></rule>
            <rule break="yes"><beforebreak>[:;]</beforebreak><afterbreak>\s*\n</afterbreak></rule>
           </languagerule>
          </languagerules>
          <maprules>
           <languagemap languagepattern="en.*" languagerulename="English"/>
           <languagemap languagepattern="fr.*" languagerulename="French"/>
           <languagemap languagepattern="de.*" languagerulename="German"/>
           <languagemap languagepattern=".*" languagerulename="Default"/>
          </maprules>
         </body>
        </srx>
        """#
}
