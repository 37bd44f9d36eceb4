package com.careflow.bench;

import com.careflow.bench.BenchHttp.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The people one benchmark worker works its cases with: an agent of its own (who takes the
 * contact and owns its triage and feedback), and one person of each department the complaint
 * passes through. Created through {@code /engine-rest} as the administrator.
 */
record Team(User agent, User quality, User vicePresident, User sales, User office) {

  /** The role's name in the user ids and the SPEC §5 group. */
  private record Member(String role, String group) {}

  private static final List<Member> MEMBERS = List.of(new Member("agent", "cs-agents"),
      new Member("quality", "quality"), new Member("vp", "vice-presidents"),
      new Member("sales", "sales"), new Member("office", "management-office"));

  /** {@code size} teams, {@code benchagent0} …, created in their groups. */
  static List<Team> create(BenchAdmin admin, int size) {
    List<Team> teams = existing(size);
    for (int i = 0; i < size; i++) {
      for (Member member : MEMBERS) {
        admin.createUser(id(member, i), password(member, i), member.group());
      }
    }
    return teams;
  }

  /** The teams {@link #create} created before, on the same database. */
  static List<Team> existing(int size) {
    List<Team> teams = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<User> users = new ArrayList<>();
      for (Member member : MEMBERS) {
        users.add(User.of(id(member, i), password(member, i)));
      }
      teams.add(new Team(users.get(0), users.get(1), users.get(2), users.get(3), users.get(4)));
    }
    return teams;
  }

  private static String id(Member member, int i) {
    return "bench" + member.role() + i; // user ids are letters and digits
  }

  private static String password(Member member, int i) {
    return "Bench-" + member.role() + "-pass-" + i;
  }
}
