// Peer: OmegaT 3.6 (Debian package) match statistics, headless. Loads an OmegaT project (source/
// with the queries as PO, tm/ with the TMX) and runs OmegaT's own CalcMatchStatistics, the code
// behind Tools → Match Statistics; prints timings and the band table.
// Build: javac -cp /usr/share/omegat/OmegaT.jar OmegaTMatchStats.java
// Run:   java -Djava.awt.headless=true -cp /usr/share/omegat/OmegaT.jar:. OmegaTMatchStats PROJECT_DIR
import java.io.File;
import java.util.HashMap;
import org.omegat.core.Core;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.RealProject;
import org.omegat.core.statistics.CalcMatchStatistics;
import org.omegat.gui.stat.BaseMatchStatisticsPanel;
import org.omegat.util.ProjectFileStorage;

public class OmegaTMatchStats {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]).getAbsoluteFile();
        long t0 = System.nanoTime();
        org.omegat.filters2.master.PluginUtils.loadPlugins(new HashMap<String, String>());
        Core.initializeConsole(new HashMap<String, String>());
        ProjectProperties props = ProjectFileStorage.loadProjectProperties(dir);
        RealProject project = new RealProject(props);
        Core.setProject(project);
        project.loadProject(true);
        long t1 = System.nanoTime();
        BaseMatchStatisticsPanel panel = new BaseMatchStatisticsPanel(null) {
            @Override public void appendTable(String title, String[] headers, String[][] data) {}
            @Override public void setTable(String[] headers, String[][] data) {
                for (String[] row : data) System.out.println("row\t" + String.join("\t", row));
            }
            @Override public void showProgress(int percent) {}
            @Override public void setTextData(String text) {}
            @Override public void appendTextData(String text) {}
            @Override public void finishData() {}
            @Override public void setDataFile(String path) {}
        };
        new CalcMatchStatistics(panel, false).run();
        long t2 = System.nanoTime();
        System.out.printf("omegat\tload project+TM\t%.3f s\tmatch statistics\t%.3f s\ttotal\t%.3f s%n",
                          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
        System.exit(0);
    }
}
